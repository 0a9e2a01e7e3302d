namespace Omvarld.Domain.Organisation;

/// <summary>The kinds of unit in a Swedish municipality's organisation.</summary>
public enum UnitKind
{
    /// <summary>KF, <i>kommunfullmäktige</i>: the council; adopts policies.</summary>
    Council = 1,
    /// <summary>KS, <i>kommunstyrelsen</i>: the executive board; priorities, follow-up, exceptions.</summary>
    ExecutiveBoard = 2,
    /// <summary><i>Nämnd</i>.</summary>
    Committee = 3,
    /// <summary><i>Förvaltning</i>: answers to a committee.</summary>
    Administration = 4,
    /// <summary><i>Bolag</i>: a municipal company.</summary>
    Company = 5,
    /// <summary><i>Kontor</i>: an office within an administration.</summary>
    Office = 6,
}
