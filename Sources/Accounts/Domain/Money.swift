/// An amount in euro cents. Money is never a floating-point number: every amount on a relevé is
/// an exact sum of integer cents, and rates are applied with one explicit rounding.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    public let cents: Int64

    public init(cents: Int64) { self.cents = cents }

    /// `Money(euros: 12, cents: 34)` is 12,34 €.
    public init(euros: Int64, cents: Int64 = 0) { self.cents = euros * 100 + cents }

    public static let zero = Money(cents: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(cents: lhs.cents * Int64(rhs)) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// `self × rate`, rounded half away from zero to the cent (the usual commercial rounding of
    /// the social-security computations: 6,2 % of 10,01 € = 0,62062 € → 0,62 €).
    public func applying(_ rate: Rate) -> Money {
        let product = cents * Int64(rate.basisPoints)
        let half: Int64 = 5_000
        let rounded = product >= 0 ? (product + half) / 10_000 : (product - half) / 10_000
        return Money(cents: rounded)
    }

    public var isNegative: Bool { cents < 0 }

    /// `-12.34`, `0.05`: a neutral, locale-free form for logs and JSON; French formatting
    /// (« 1 234,56 € ») belongs to the layout formatters.
    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let a = cents.magnitude
        let c = a % 100
        return "\(sign)\(a / 100).\(c < 10 ? "0" : "")\(c)"
    }

    /// Refuses a negative amount where the field cannot be negative.
    package func nonNegative(_ field: String) throws(AccountsError) -> Money {
        guard cents >= 0 else {
            throw AccountsError(.negativeAmount, field: field, reason: "montant négatif refusé : \(self)")
        }
        return self
    }
}

extension Sequence where Element == Money {
    /// The exact sum of the amounts.
    public func sum() -> Money { reduce(.zero, +) }
}
