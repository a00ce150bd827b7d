/// Name, place and level lexicons for the synthetic roster.
///
/// Names are deliberately international (and a few carry diacritics or apostrophes) so every
/// reader gets exercised on real-world UTF-8; e-mail addresses use an ASCII folding of them.
enum SampleNames {
    static let firstNames: [String] = [
        "Ana", "Ben", "Chloé", "Daniel", "Elif", "Farah", "Gabriel", "Hana", "Igor", "Julia",
        "Kwame", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Søren", "Tariq",
        "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoë", "Aisha", "Bruno", "Carmen", "Dmitri",
        "Emma", "Felipe", "Grace", "Hiroshi", "Ines", "Jamal", "Keiko", "Liam", "Maya", "Noah",
        "Olga", "Pablo", "Rania", "Samuel", "Tomás", "Valentina", "William", "Yara", "Zainab", "Amir",
        "Beatriz", "Chen", "Diego", "Esther", "Fatima", "George", "Helena", "Isaac", "Jana", "Kofi",
        "Lucía", "Marco", "Nina", "Oscar", "Paula", "Rafael", "Sofia", "Thabo", "Ursula", "Vikram",
        "Wanjiru", "Xavier", "Yasmin", "Zeynep", "Adrian", "Bianca", "Caleb", "Dalia", "Emil", "Freya",
        "Hugo", "Ingrid", "José", "Kai", "Laila", "Mikael", "Naomi", "Olivia", "Pedro", "Rina",
        "Sanjay", "Tessa", "Ulrich", "Vera", "Wei", "Yuki", "Zara", "Aaron", "Björn", "Clara",
        "Dario", "Eva", "Finn", "Gita", "Hassan", "Iris", "Jonas", "Kira", "Leo", "Mina",
        "Nils", "Orla", "Pia", "Raúl", "Sara", "Theo", "Ula", "Vanessa", "Yannick", "Zofia",
    ]

    static let lastNames: [String] = [
        "Lopez", "Okafor", "Nguyen", "Schmidt", "Kowalski", "Haddad", "Silva", "Tanaka", "O'Brien", "Müller",
        "Mensah", "Ivanova", "García", "Patel", "Rossi", "Johansson", "Kim", "Dubois", "Novak", "Hernández",
        "Singh", "Andersen", "Costa", "Yilmaz", "Fischer", "Moreau", "Chen", "Ahmed", "Bauer", "Santos",
        "Kaur", "Lindqvist", "Papadopoulos", "Nakamura", "Oyelaran", "Petrov", "Quinn", "Reyes", "Sato", "Torres",
        "Usman", "Varga", "Wright", "Xu", "Yamamoto", "Zhang", "Abara", "Becker", "Cruz", "Diallo",
        "Eriksen", "Ferreira", "Gonzalez", "Hoffmann", "Ibrahim", "Jansen", "Khan", "Larsen", "Martin", "Nowak",
        "Olsen", "Park", "Ramos", "Suzuki", "Thompson", "Uddin", "Vasquez", "Walker", "Yadav", "Ziegler",
        "Adeyemi", "Bianchi", "Castillo", "De Vries", "Esposito", "Fontaine", "Gallagher", "Horvat", "Iyer", "Jovanović",
        "Kovač", "Lambert", "Mahlangu", "Nielsen", "Okonkwo", "Pereira", "Richter", "Shah", "Takahashi", "Ueda",
        "Vogel", "Wójcik", "Young", "Zamora", "Alvarez", "Brennan", "Chowdhury", "Dias", "Engström", "Fuchs",
        "Gómez", "Halvorsen", "Ito", "Jiménez", "Kelly", "Leclerc", "Murphy", "Nair", "Ortiz", "Pham",
    ]

    static let locations: [String] = [
        "Berlin", "Lisbon", "New York", "Toronto", "Remote - US", "Remote - EU", "Singapore", "São Paulo",
    ]

    private static let folding: [Character: String] = [
        "á": "a", "à": "a", "ã": "a", "â": "a", "ä": "a", "å": "a", "é": "e", "è": "e", "ê": "e",
        "ë": "e", "í": "i", "ì": "i", "î": "i", "ï": "i", "ó": "o", "ò": "o", "õ": "o", "ô": "o",
        "ö": "o", "ø": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u", "ñ": "n", "ç": "c", "ć": "c",
        "č": "c", "š": "s", "ž": "z", "ł": "l", "ß": "ss", "ğ": "g", "ş": "s", "ı": "i",
    ]

    /// The lower-case ASCII form of a name for an e-mail local part: diacritics folded,
    /// apostrophes and spaces dropped, hyphens kept.
    static func emailPart(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            if let folded = folding[character] {
                result += folded
            } else if character.isASCII, character.isLetter || character == "-" {
                result.append(character)
            }
        }
        return result
    }

    /// The e-mail domain of an organization: the ASCII letters of its first word plus `.example`.
    static func emailDomain(for organization: String) -> String {
        let firstWord = organization.split(separator: " ").first.map(String.init) ?? "sample"
        let letters = emailPart(firstWord).filter { $0 != "-" }
        return (letters.isEmpty ? "sample" : letters) + ".example"
    }

    /// A file-name friendly slug: lower-case ASCII letters and digits joined by hyphens.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            let piece: String
            if let folded = folding[character] {
                piece = folded
            } else if character.isASCII, character.isLetter || character.isNumber {
                piece = String(character)
            } else {
                pendingHyphen = !result.isEmpty
                continue
            }
            if pendingHyphen { result += "-" }
            pendingHyphen = false
            result += piece
        }
        return result.isEmpty ? "unnamed" : result
    }

    /// The same address with each dot-separated part capitalised (`Ana.Lopez@Northwind.example`),
    /// as people type them by hand.
    static func mixedCase(email: String) -> String {
        var result = ""
        var capitalizeNext = true
        for character in email {
            if capitalizeNext, character.isLetter {
                result += character.uppercased()
                capitalizeNext = false
            } else {
                result.append(character)
            }
            if character == "." || character == "@" { capitalizeNext = true }
        }
        // Only the organization part of the domain is capitalised, not the TLD.
        if let at = result.firstIndex(of: "@"), let dot = result[at...].firstIndex(of: ".") {
            let tld = result[result.index(after: dot)...].lowercased()
            result = String(result[...dot]) + tld
        }
        return result
    }
}
