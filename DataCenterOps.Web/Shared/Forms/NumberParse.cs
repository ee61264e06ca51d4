namespace DataCenterOps.Web.Shared.Forms;

/// <summary>What <see cref="LocalNumber.Parse"/> made of a typed number.</summary>
public readonly record struct NumberParse(NumberParseOutcome Outcome, double Value)
{
    public bool HasValue => Outcome is NumberParseOutcome.Number or NumberParseOutcome.Ambiguous;
}
