using Microsoft.AspNetCore.Authorization;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// A report (or one of its checklists) that has been archived is evidence: readable by <see cref="Policies.ArchiveReaders"/>
/// and by the people named on it (the letter's Pengawas and Pengelola, the plan's Pengelola, its Pemeriksa). Before
/// it is archived, any signed-in person may read it, as before. <see cref="Checklist"/>: the route's Id is a checklist
/// execution, else a report.
/// </summary>
internal sealed record ArchivedReportReadRequirement(bool Checklist) : IAuthorizationRequirement;
