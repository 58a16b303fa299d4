/// The one error type of the `Accounts` module.
///
/// Every refusal at the store's boundary (a domain initialiser or an insert) and every storage
/// failure is an `AccountsError` with a stable `code` that callers switch on, a human `reason`
/// (French, one line) and the `field` path of the offending value (`insured.nir`,
/// `carePayments[3].amountPaid`). Reasons quote the value only when it is not personal data.
public struct AccountsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes: they are part of the API (the CLI maps them to exit messages, the portal to
    /// refusals), so never rename one.
    public enum Code: String, Sendable, Hashable {
        case invalidDay = "invalid-day"
        case invalidNIR = "invalid-nir"
        case invalidIBAN = "invalid-iban"
        case negativeAmount = "negative-amount"
        case inconsistentAmounts = "inconsistent-amounts"
        case invalidValue = "invalid-value"
        case unknownBeneficiary = "unknown-beneficiary"
        case duplicate = "duplicate"
        case alreadyDelivered = "already-delivered"
        case notFound = "not-found"
        case constraintViolation = "constraint-violation"
        case schema = "schema"
        case storage = "storage"
    }

    public let code: Code
    public let field: String
    public let reason: String

    public init(_ code: Code, field: String, reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(code.rawValue) [\(field)]: \(reason)" }

    /// The same error, its field path prefixed by the enclosing entity (`beneficiaries[2].` + field).
    package func within(_ prefix: String) -> AccountsError {
        AccountsError(code, field: field.isEmpty ? prefix : "\(prefix).\(field)", reason: reason)
    }
}

extension AccountsError {
    /// Runs `body`, re-throwing any `AccountsError` with its field path prefixed by `prefix`.
    package static func scoped<T>(_ prefix: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as AccountsError { throw error.within(prefix) }
    }
}
