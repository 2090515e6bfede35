/// Personal-webmail and consumer-ISP mail domains. Policy uses these to tell a
/// personal address from an organisation's; the detectors use them to spot personal
/// addresses written in the text. Schools add more through `school.extra_webmail_domains`.
public enum WebmailDomains {
    /// The built-in list (lower-case, exact domains).
    public static let builtIn: Set<String> = [
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr",
        "outlook.com", "outlook.co.uk", "live.com", "live.co.uk", "msn.com", "windowslive.com",
        "yahoo.com", "yahoo.co.uk", "ymail.com", "rocketmail.com", "icloud.com", "me.com",
        "mac.com", "aol.com", "aol.co.uk", "aim.com", "btinternet.com", "btopenworld.com",
        "talk21.com", "sky.com", "virginmedia.com", "virgin.net", "ntlworld.com",
        "blueyonder.co.uk", "talktalk.net", "tiscali.co.uk", "plus.com", "orange.net",
        "wanadoo.co.uk", "gmx.com", "gmx.co.uk", "gmx.net", "mail.com", "email.com",
        "protonmail.com", "protonmail.ch", "proton.me", "pm.me", "zoho.com", "zohomail.eu",
        "yandex.com", "yandex.ru", "tutanota.com", "tuta.io", "fastmail.com", "fastmail.fm",
        "hushmail.com", "inbox.com", "mail.ru", "qq.com", "163.com", "126.com", "lycos.co.uk",
        "mailbox.org", "posteo.net", "hey.com",
    ]
}
