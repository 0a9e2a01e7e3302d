namespace Omvarld.Domain.Policies;

public enum RevisionState
{
    /// <summary>Valid until replaced, or its last day is further away than the warning period.</summary>
    NotDue = 0,
    /// <summary>The last day falls within the warning period: KS should start the revision (R3).</summary>
    Due = 1,
    /// <summary>The last day has passed and no version replaced it: nothing is in force.</summary>
    Overdue = 2,
}

/// <summary>R3: the system tells KS when a policy is past its valid-until, or will be within a set number of months.</summary>
public static class RevisionWatch
{
    public static RevisionState Assess(DateOnly? lastDay, DateOnly today, int warningMonths)
    {
        if (lastDay is not { } last) return RevisionState.NotDue;
        if (last < today) return RevisionState.Overdue;
        return last <= today.AddMonths(warningMonths) ? RevisionState.Due : RevisionState.NotDue;
    }
}
