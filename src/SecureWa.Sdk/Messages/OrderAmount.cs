namespace SecureWa.Sdk.Messages;

/// <summary>
/// An amount of money in an order message, as the Cloud API writes it (<c>{"value":…,"offset":…}</c>): the amount is
/// <see cref="Value"/> divided by <see cref="Offset"/>, so ₹12.34 is <c>new OrderAmount(1234, 100)</c>.
/// </summary>
public sealed class OrderAmount
{
    /// <summary>Creates an amount.</summary>
    /// <param name="value">The amount multiplied by <paramref name="offset"/>; not negative.</param>
    /// <param name="offset">The divisor (<c>offset</c>); 100 for INR, BRL and SGD, as Meta documents it.</param>
    public OrderAmount(long value, int offset = 100)
    {
        Value = value;
        Offset = offset;
    }

    /// <summary>The amount multiplied by <see cref="Offset"/> (<c>value</c>).</summary>
    public long Value { get; }

    /// <summary>The divisor (<c>offset</c>).</summary>
    public int Offset { get; }

    /// <summary>The amount as a decimal (<see cref="Value"/> / <see cref="Offset"/>).</summary>
    /// <returns>The amount.</returns>
    public decimal ToDecimal() => Offset == 0 ? 0m : (decimal)Value / Offset;

    /// <summary>Describes the amount (not personal data).</summary>
    /// <returns>For example <c>1234/100</c>.</returns>
    public override string ToString() => FormattableString.Invariant($"{Value}/{Offset}");
}
