import Accounts

/// Builds an `AttestationDroits` from the store.
public enum AttestationDroitsBuilder {
    static let consequence = "l'attestation de droits ne peut pas être délivrée"

    /// Refuses when the insured's rights (family scope) or the chosen beneficiary's rights are
    /// closed at `today`. In family scope, ayants droit whose rights are closed are left out.
    public static func build(store: any AccountStore, nir13: String, scope: AttestationDroits.Scope,
                             today: Day, policy: RightsPolicy = RightsPolicy()) throws(Refusal) -> AttestationDroits {
        let header = try DocumentHeader.load(store: store, nir13: nir13, today: today)
        let (members, periods) = try Refusal.reading { (try store.beneficiaries(nir13: nir13), try store.rightsPeriods(nir13: nir13)) }
        var lines: [AttestationDroits.Line] = []
        switch scope {
        case .beneficiary(let rank):
            guard let member = members.first(where: { $0.rank == rank }) else {
                throw Refusal(.beneficiaireInconnu, "Ce bénéficiaire n'est pas rattaché à votre compte.")
            }
            let whose = rank == 1 ? "Vos droits" : "Les droits de \(member.firstName)"
            let period = try policy.openPeriod(rank: rank, in: periods, today: today, whose: whose, consequence: consequence)
            lines.append(line(member, period, today, policy))
        case .family:
            let period = try policy.openPeriod(rank: 1, in: periods, today: today, whose: "Vos droits", consequence: consequence)
            for member in members {
                if member.rank == 1 {
                    lines.append(line(member, period, today, policy))
                } else if let open = try? policy.openPeriod(rank: member.rank, in: periods, today: today, whose: "", consequence: "") {
                    lines.append(line(member, open, today, policy))
                }
            }
        }
        return AttestationDroits(header: header, scope: scope, lines: lines)
    }

    private static func line(_ member: Beneficiary, _ period: RightsPeriod, _ today: Day,
                             _ policy: RightsPolicy) -> AttestationDroits.Line {
        AttestationDroits.Line(beneficiary: member, rightsFrom: period.openFrom, rightsTo: period.openTo,
                               mentions: policy.mentions(for: period, today: today))
    }
}
