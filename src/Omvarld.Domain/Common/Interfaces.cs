namespace Omvarld.Domain.Common;

/// <summary>A row that belongs to one municipality (the tenant). Its key starts with <see cref="MunicipalityId"/>.</summary>
public interface ITenantOwned
{
    Guid MunicipalityId { get; }
}

/// <summary>Business data: every create, change and delete is written to the audit trail.</summary>
public interface IAudited
{
    Guid Id { get; }
}

/// <summary>Optimistic concurrency: the version goes into UPDATE's WHERE and is raised on every save.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
