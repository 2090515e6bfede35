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
        ]),
        Family(name: "send", terms: [
            "=SEN", "=SEND", "SENCO", "EHCP", "EHC plan", "EHC needs assessment", "SEN support",
            "=IEP", "provision map", "access arrangements", "one to one support", "1:1 support",
            "dyslexia", "dyslexic", "dyspraxia", "ADHD", "=ADD", "=ASD", "=ASC", "autism",
            "autistic", "asperger", "aspergers", "=SEMH", "=SLCN", "=MLD", "=SLD", "=PMLD",
            "educational psychologist", "speech and language therapy", "=SALT",
            "learning difficulty", "learning difficulties", "learning disability",
        ]),
        Family(name: "health", terms: [
            "medical condition", "diagnosis", "diagnosed", "medication", "prescribed", "epipen",
            "auto-injector", "anaphylaxis", "anaphylactic", "asthma", "diabetes", "diabetic",
            "insulin", "epilepsy", "epileptic", "seizure", "seizures", "healthcare plan",
            "=IHP", "CAMHS", "counselling", "counsellor", "mental health", "anxiety",
            "depression", "self-harm", "self harm", "self-harming", "suicidal", "suicide",
            "eating disorder", "anorexia", "bulimia", "hospital", "hospitalised", "school nurse",
            "pregnant", "pregnancy", "termination", "sexual health", "NHS number",
        ]),
        Family(name: "disadvantage", terms: [
            "=FSM", "free school meals", "pupil premium", "=PP", "disadvantaged", "Ever6",
            "Ever 6", "bursary", "universal credit", "service premium", "service child",
        ]),
        Family(name: "characteristics", terms: [
            "ethnicity", "ethnic origin", "religion", "religious", "=EAL", "first language",
            "asylum", "asylum seeker", "refugee", "immigration status", "sexual orientation",
            "gay", "lesbian", "bisexual", "transgender", "gender identity", "social transition",
            "biometric", "=WBRI", "=WIRI", "=WOTH", "=AIND", "=APKN", "=ABAN", "=BCRB", "=BAFR",
            "=MWBC", "=MWBA", "=MWAS", "=CHNE",
        ]),
        Family(name: "behaviour", terms: [
            "exclusion", "excluded", "suspension", "suspended", "permanent exclusion",
            "fixed-term exclusion", "fixed term exclusion", "internal exclusion", "isolation",
            "behaviour log", "police", "youth offending", "=YOT", "arrested", "arrest",
            "police caution", "managed move",
        ]),
    ])
}
