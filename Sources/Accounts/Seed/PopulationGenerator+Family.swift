/// Identity and family: names, NIR, address, bank account, ayants droit.
extension PopulationGenerator {
    func familyMembers(index: Int, place: SeedCaisses.Entry, _ rng: inout SeededGenerator) throws -> Family {
        let sex: InsuredPerson.Sex = rng.chance(52) ? .female : .male
        let age = rng.int(19...84)
        let birth = birthDay(age: age, &rng)
        let lastName = rng.pick(FrenchNames.last)
        let firstName = rng.pick(sex == .female ? FrenchNames.female : FrenchNames.male)
        let partnered = age >= 22 && rng.chance(55)
        let partnerName = rng.pick(FrenchNames.last)
        // Nom d'usage: the spouse's name, or both names joined by a hyphen.
        let usageName: String? = partnered && sex == .female && rng.chance(60)
            ? (rng.chance(40) ? "\(partnerName)-\(lastName)" : partnerName) : nil
        let css = rng.chance(8)
        let closedOn: Day? = rng.chance(3) ? today.adding(days: -rng.int(1...500)) : nil

        var members = [try Beneficiary(rank: 1, relationship: .assure, firstName: firstName, lastName: lastName, birthDate: birth)]
        if partnered, rng.chance(12) {
            let partnerSex: InsuredPerson.Sex = sex == .female ? .male : .female
            members.append(try Beneficiary(
                rank: 2, relationship: .conjoint, firstName: rng.pick(partnerSex == .female ? FrenchNames.female : FrenchNames.male),
                lastName: partnerName, birthDate: birthDay(age: min(84, max(19, age + rng.int(-5...5))), &rng)))
        }
        if (20...58).contains(age), rng.chance(partnered ? 60 : 25) {
            let childName = usageName.map { _ in partnerName } ?? lastName
            var births: [Day] = []
            for _ in 0..<rng.int(1...4) { births.append(birthDay(age: rng.int(0...min(17, age - 20)), &rng)) }
            for child in births.sorted() {
                let female = rng.chance(50)
                members.append(try Beneficiary(
                    rank: members.count + 1, relationship: .enfant,
                    firstName: rng.pick(female ? FrenchNames.female : FrenchNames.male), lastName: childName, birthDate: child))
            }
        }
        let insured = try InsuredPerson(
            nir: nir(index: index, sex: sex, birth: birth, place: place, &rng), lastName: lastName, usageName: usageName,
            firstName: firstName, sex: sex, birthDate: birth,
            address: PostalAddress(street: "\(rng.int(1...180)) \(rng.pick(FrenchNames.streets))",
                                   postalCode: rng.pick(place.towns).postalCode, city: rng.pick(place.towns).city),
            email: rng.chance(85)
                ? "\(FrenchNames.ascii(firstName)).\(FrenchNames.ascii(lastName))\(index % 1000)@\(rng.pick(FrenchNames.emailDomains))" : nil,
            iban: rng.chance(92) ? try frenchIBAN(&rng) : nil, caisseCode: place.code,
            medecinTraitant: rng.chance(88) ? "Dr \(rng.pick(FrenchNames.firstNames)) \(rng.pick(FrenchNames.last))" : nil,
            complementaire: css ? "Complémentaire santé solidaire" : (rng.chance(80) ? rng.pick(FrenchNames.mutuelles) : nil))
        return Family(insured: insured, members: members,
                      household: HouseholdFlags(complementaireSanteSolidaire: css, closedOn: closedOn))
    }

    /// A birth day for someone aged `age` at `today`.
    func birthDay(age: Int, _ rng: inout SeededGenerator) -> Day {
        let latest = today.adding(months: -12 * age)
        return day(between: latest.adding(days: -364), and: latest, &rng)
    }

    /// A NIR consistent with sex and birth date. The commune and order digits are a bijection of
    /// the account index over 0..<1 000 000 (multiplier 7 919 is prime to 10⁶), so NIRs never
    /// collide up to `maximumAccounts` while not looking sequential.
    func nir(index: Int, sex: InsuredPerson.Sex, birth: Day, place: SeedCaisses.Entry,
             _ rng: inout SeededGenerator) throws -> NIR {
        let departement = rng.chance(75) ? place.departement
            : rng.chance(40) ? "99" : rng.pick(SeedCaisses.entries).departement
        let unique = (index % 1_000_000 * 7_919 + Int(seed % 1_000_000)) % 1_000_000
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        let nir13 = "\(sex.rawValue)\(pad(birth.year % 100, 2))\(pad(birth.month, 2))\(departement)\(pad(unique, 6))"
        return try NIR(nir13: nir13, key: NIR.key(for: nir13))
    }

    /// A French IBAN with a valid RIB key and valid ISO 13616 check digits.
    package func frenchIBAN(_ rng: inout SeededGenerator) throws -> IBAN {
        let bank = rng.digits(5), branch = rng.digits(5), account = rng.digits(11)
        // Clé RIB: 97 − ((89 × banque + 15 × guichet + 3 × compte) mod 97).
        let sum = (89 * Int(bank)! + 15 * Int(branch)! + 3 * (Int(account)! % 97)) % 97
        let key = 97 - sum
        let bban = bank + branch + account + (key < 10 ? "0\(key)" : "\(key)")
        let check = IBAN.checkDigits(country: "FR", bban: bban)
        return try IBAN("FR" + (check < 10 ? "0\(check)" : "\(check)") + bban)
    }

    /// CEAM cards for some families, and a provisional certificate already delivered for a few.
    func ceam(_ family: Family, index: Int, _ rng: inout SeededGenerator) throws -> ([CEAMCard], [CEAMCertificate]) {
        guard rng.chance(15) else { return ([], []) }
        var cards: [CEAMCard] = []
        for member in family.members {
            let rank = member.rank < 10 ? "0\(member.rank)" : "\(member.rank)"
            let serial = String(index % 100_000_000)
            let number = "80250" + rank + String(repeating: "0", count: 8 - serial.count) + serial + rng.digits(5)
            cards.append(try CEAMCard(beneficiaryRank: member.rank, cardNumber: number,
                                      expiry: today.adding(days: rng.int(-300...800))))
        }
        var certificates: [CEAMCertificate] = []
        if rng.chance(12) {
            let delivered = today.adding(days: -rng.int(30...600))
            certificates.append(try CEAMCertificate(beneficiaryRank: 1, deliveredOn: delivered, validFrom: delivered,
                                                    validTo: delivered.adding(months: 3).adding(days: -1)))
        }
        return (cards, certificates)
    }
}
