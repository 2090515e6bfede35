import Testing
@testable import Detectors

/// Wording that asks a pupil for secrecy or a private meeting (§3), and the ordinary
/// advice and disclaimers that only look like it.
@Suite struct PrivateContactTests {
    static func labels(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return PrivateContactScanner(bytes: bytes, tokens: RawToken.tokens(in: bytes)).scan().map(\.label)
    }

    @Test(arguments: [
        ("Ali, don\u{2019}t tell your mum about this, ok?", "asks for secrecy (do not tell)"),
        ("Don't tell anyone x", "asks for secrecy (do not tell)"),
        ("dont tell ur parents", "asks for secrecy (do not tell)"),
        ("You must not tell the other teachers.", "asks for secrecy (do not tell)"),
        ("Please don't say anything to your mum", "asks for secrecy (do not tell)"),
        ("Don't let anyone know I sent this", "asks for secrecy (do not let anyone know)"),
        ("Come on Saturday without telling your dad", "asks for secrecy (without telling)"),
        ("Keep this between you and me.", "asks for secrecy (keep this between us)"),
        ("keep it between the two of us", "asks for secrecy (keep this between us)"),
        ("Keep it to yourself please", "asks for secrecy (keep this to yourself)"),
        ("Keep this a secret", "asks for secrecy (keep this secret)"),
        ("It's just between us", "asks for secrecy (just between us)"),
        ("Between you and me, you're my favourite", "asks for secrecy (between you and me)"),
        ("It's our little secret :)", "asks for secrecy (our secret)"),
        ("Please delete this message after you read it.", "asks for messages to be deleted"),
        ("delete my emails once reading them", "asks for messages to be deleted"),
        ("Nobody needs to know we talked.", "asks for secrecy (nobody needs to know)"),
        ("No one has to find out", "asks for secrecy (nobody needs to know)"),
        ("You can come round to my house after school", "invites a private meeting (my house)"),
        ("stay at my flat on Friday", "invites a private meeting (my house)"),
        ("Don't tell your\nmum", "asks for secrecy (do not tell)"),  // one line break: a wrapped line
    ])
    func requestsForSecrecyOrPrivateMeetingsAreFound(text: String, label: String) {
        #expect(Self.labels(text) == [label], "\(text)")
    }

    @Test(arguments: [
        "Remember: never tell anyone your password, even your friends.",
        "Don't tell your friends the answers before Friday's quiz!",
        "Please don't tell the other students the surprise for Mr Lee's leaving do.",
        "Our secret Santa is on Thursday, bring a gift under five pounds.",
        "Keep your password a secret.",
        "If you are not the intended recipient please delete this email and notify the sender.",
        "Don't forget to tell your mum about the trip letter.",
        "Please tell your parents about the trip.",
        "I left your book at my house, I'll bring it on Monday.",
        "Come to my classroom at break.",
        "Don't. Tell your parents everything that happened.",
        "Don't tell\n\nyour mum",  // a paragraph break ends the sentence
        "Keep it up, brilliant work!",
        "the difference between us and them",
        "A secret ballot for the school council.",
        "Tell your mum I said well done",
    ])
    func ordinaryWordingIsNotFound(text: String) {
        #expect(Self.labels(text).isEmpty, "\(text)")
    }
}

/// Invitations to connect through a personal channel without the handle or number (§4:
/// "must not add students as friends"; §3: unapproved contact).
@Suite struct ContactInvitationTests {
    static func hits(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return ContactInvitationScanner(bytes: bytes, tokens: RawToken.tokens(in: bytes)).scan().map { $0.platform ?? "phone" }
    }

    @Test(arguments: [
        ("Add me on Snapchat so we can chat over the holidays!", "snapchat"),
        ("follow me on insta", "instagram"),
        ("Find me on TikTok", "tiktok"),
        ("add me as a friend", "social media"),
        ("Message me on WhatsApp later.", "whatsapp"),
        ("chat to me on discord", "discord"),
        ("DM me when you get home", "direct message"),
        ("Snap me later", "snapchat"),
        ("WhatsApp me tonight", "whatsapp"),
        ("I've sent you a friend request on Facebook", "friend request"),
        ("accept my friend request", "friend request"),
        ("Text me if you want to talk", "phone"),
        ("Call me on my mobile if you need anything.", "phone"),
        ("ring me on my personal number", "phone"),
    ])
    func invitationsAreFound(text: String, platform: String) {
        #expect(Self.hits(text) == [platform], "\(text)")
    }

    @Test(arguments: [
        "Please follow us on Instagram for the match photos.",
        "Message me on Teams if you are stuck.",
        "Call me at school on ext 214.",
        "Don't accept friend requests from people you don't know.",
        "Read the text me and Sam wrote.",
        "Please follow me to the hall.",
        "Find me in room 14 at break.",
        "Send me your essay by Friday.",
        "It was a snap decision.",
        "Add me to the register for the trip.",
        "Add me\n\non Snapchat",
    ])
    func ordinaryWordingIsNotAnInvitation(text: String) {
        #expect(Self.hits(text).isEmpty, "\(text)")
    }
}
