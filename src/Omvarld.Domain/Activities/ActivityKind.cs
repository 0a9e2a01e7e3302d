namespace Omvarld.Domain.Activities;

/// <summary>R5: the kinds of international activity, from Borås 2009 (003) with twin towns (001) and aid (003).</summary>
public enum ActivityKind
{
    /// <summary><i>Transnationella projekt</i>.</summary>
    TransnationalProject = 1,
    /// <summary><i>Europeiska och globala nätverk</i>.</summary>
    Network = 2,
    /// <summary><i>Konferenser och utbildningar med internationellt deltagande</i>.</summary>
    ConferenceOrTraining = 3,
    /// <summary><i>Benchmarking/studiebesök och utbyten med aktörer utanför Sverige</i>.</summary>
    StudyVisitOrExchange = 4,
    /// <summary><i>Vänortssamarbete</i> (001).</summary>
    TwinTownCooperation = 5,
    /// <summary><i>Bistånd eller utvecklingssamarbete</i> (003: "inslag av bistånd").</summary>
    AidOrDevelopmentCooperation = 6,
}

/// <summary>Where an activity is in its workflow; see <see cref="ActivityWorkflow"/>.</summary>
public enum ActivityStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Ongoing = 4,
    Completed = 5,
    ResultsReported = 6,
    /// <summary>Sent back by the approver with a comment; editable and may be submitted again.</summary>
    Rejected = 7,
    /// <summary>Called off before it started; kept for the record, changes nothing any more.</summary>
    Withdrawn = 8,
}

/// <summary>The part a partner organisation plays in one activity.</summary>
public enum PartnerRole
{
    /// <summary><i>Projektägare/huvudpartner</i>.</summary>
    Lead = 1,
    Partner = 2,
    /// <summary><i>Associerad partner</i>: takes part without a share of the budget.</summary>
    Associate = 3,
    /// <summary><i>Värd</i>: receives a study visit, a conference or an exchange.</summary>
    Host = 4,
}
