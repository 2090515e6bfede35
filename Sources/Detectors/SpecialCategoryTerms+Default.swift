extension SpecialCategoryTerms {
    /// The built-in families, from DfE "Data protection in schools" and the term lists
    /// in the project's research notes.
    public static let `default` = SpecialCategoryTerms(families: [
        Family(name: "safeguarding", terms: [
            "safeguarding", "child protection", "CP plan", "CP conference", "section 47", "s47",
            "section 17", "child in need", "=CIN", "=MASH", "early help", "=EHA",
            "designated safeguarding lead", "=LADO", "disclosure", "allegation", "neglect",
            "abuse", "sexual abuse", "=FGM", "=CSE", "=CCE", "county lines", "radicalisation",
            "Prevent referral", "domestic abuse", "domestic violence", "Operation Encompass",
            "social worker", "social services", "strategy meeting", "=TAF", "CPOMS", "MyConcern",
            "looked after", "=LAC", "=CLA", "=CiC", "=PEP", "virtual school", "=SGO", "care order",
            "kinship care", "young carer", "foster care", "foster carer",
            "=DSL", "children's social care", "social care referral", "=MARAC", "child sexual exploitation",
            "criminal exploitation", "female genital mutilation", "forced marriage", "grooming", "sexting",
            "indecent image", "indecent images", "nude image", "nude images", "physical abuse", "emotional abuse",
            "disclosed", "care leaver", "missing from education", "=CME", "child in care", "children in care",
        ]),
        Family(name: "send", terms: [
            "=SEN", "=SEND", "SENCO", "EHCP", "EHC plan", "EHC needs assessment", "SEN support",
            "=IEP", "provision map", "access arrangements", "one to one support", "1:1 support",
            "dyslexia", "dyslexic", "dyspraxia", "ADHD", "=ADD", "=ASD", "=ASC", "autism",
            "autistic", "asperger", "aspergers", "=SEMH", "=SLCN", "=MLD", "=SLD", "=PMLD",
            "educational psychologist", "speech and language therapy", "=SALT",
            "learning difficulty", "learning difficulties", "learning disability",
            "special educational needs", "special needs", "=EHC", "education health and care plan",
            "SEN register", "SENDCo", "dyscalculia", "=SpLD", "=SPLD", "developmental delay", "sensory processing",
            "hearing impairment", "hearing impaired", "visual impairment", "visually impaired",
            "autism spectrum", "occupational therapy", "occupational therapist", "speech therapy",
        ]),
        Family(name: "health", terms: [
            "medical condition", "diagnosis", "diagnosed", "medication", "prescribed", "epipen",
            "auto-injector", "anaphylaxis", "anaphylactic", "asthma", "diabetes", "diabetic",
            "insulin", "epilepsy", "epileptic", "seizure", "seizures", "healthcare plan",
            "=IHP", "CAMHS", "counselling", "counsellor", "mental health", "anxiety",
            "depression", "self-harm", "self harm", "self-harming", "suicidal", "suicide",
            "eating disorder", "anorexia", "bulimia", "hospital", "hospitalised", "school nurse",
            "pregnant", "pregnancy", "termination", "sexual health", "NHS number",
            "medical", "medically", "health condition", "health needs", "care plan", "=GP",
            "allergy", "allergies", "allergic", "inhaler", "illness", "disability",
            "cystic fibrosis", "sickle cell", "cerebral palsy", "down syndrome", "down's syndrome",
            "tourette", "tourettes", "tourette's", "=OCD", "=PTSD", "bipolar", "schizophrenia", "psychosis",
            "self-harmed", "overdose", "paediatrician", "psychiatrist", "psychiatric", "psychologist",
            "therapist", "physiotherapy", "cancer", "leukaemia", "chemotherapy", "eczema", "migraines",
            "panic attack", "panic attacks", "anxiety attack", "anxiety attacks", "asthmatic", "inhalers",
            "concussion", "antidepressant", "antidepressants",
            // ADHD, sleep and mood medicines named in care plans and messages to staff
            "Ritalin", "methylphenidate", "Concerta", "Equasym", "Medikinet", "Elvanse", "lisdexamfetamine",
            "atomoxetine", "Strattera", "melatonin", "sertraline", "fluoxetine", "Prozac", "citalopram",
        ]),
        Family(name: "disadvantage", terms: [
            "=FSM", "free school meals", "pupil premium", "=PP", "disadvantaged", "Ever6",
            "Ever 6", "bursary", "universal credit", "service premium", "service child",
            "free school meal", "=PPG", "pupil premium grant", "food bank",
        ]),
        Family(name: "characteristics", terms: [
            "ethnicity", "ethnic origin", "religion", "religious", "=EAL", "first language",
            "asylum", "asylum seeker", "refugee", "immigration status", "sexual orientation",
            "gay", "lesbian", "bisexual", "transgender", "gender identity", "social transition",
            "biometric", "ethnic", "ethnic group", "religious belief", "=Muslim", "=Jewish", "=Hindu", "=Sikh",
            "=Buddhist", "sexuality", "non-binary", "nonbinary", "gender dysphoria", "=LGBT", "=LGBTQ",
            "criminal record", "criminal offence", "=WBRI", "=WIRI", "=WOTH", "=AIND", "=APKN", "=ABAN", "=BCRB", "=BAFR",
            "=MWBC", "=MWBA", "=MWAS", "=CHNE",
        ]),
        Family(name: "behaviour", terms: [
            "exclusion", "excluded", "suspension", "suspended", "permanent exclusion",
            "fixed-term exclusion", "fixed term exclusion", "internal exclusion", "isolation",
            "behaviour log", "police", "youth offending", "=YOT", "arrested", "arrest",
            "police caution", "managed move", "expelled", "expulsion", "pupil referral unit", "=PRU",
            "alternative provision", "reduced timetable", "part-time timetable", "behaviour plan", "youth justice",
            // sanctions and incidents a school records against a named pupil; a bare "detention" is
            // left out, as a parent is routinely told of their own child's detention with the other
            // child involved named in the same sentence
            "after-school detention", "after school detention", "Saturday detention", "removed from the lesson",
            "removed from lesson", "removed from class", "on report", "behaviour report", "behaviour incident",
            "behaviour points", "bullied", "racist incident", "homophobic incident", "caught vaping",
            "truanting", "truancy",
        ]),
        Family(name: "attendance", terms: [
            "persistent absence", "persistently absent", "unauthorised absence", "unauthorised absences",
            "attendance panel", "penalty notice", "fixed penalty notice", "attendance contract",
            "attendance concern", "education welfare officer", "=EWO", "children missing education",
        ]),
    ])
}
