namespace Omvarld.Domain.Partners;

/// <summary>What kind of organisation a partner (<i>samarbetspart</i>) is.</summary>
public enum PartnerType
{
    Municipality = 1,
    Region = 2,
    University = 3,
    School = 4,
    Company = 5,
    /// <summary>A non-governmental organisation (<i>ideell organisation</i>).</summary>
    Ngo = 6,
    /// <summary>A public authority (<i>myndighet</i>).</summary>
    Authority = 7,
    Network = 8,
}
