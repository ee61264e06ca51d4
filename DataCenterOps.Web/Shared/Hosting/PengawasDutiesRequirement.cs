using Microsoft.AspNetCore.Authorization;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// The Pengawas' duties (drafting and issuing letters, reviewing reports): the Supervisor role, or standing in for a
/// Pengawas (Plh./Plt.) right now. Which letter or report a stand-in may act on is the Domain's rule.
/// </summary>
internal sealed record PengawasDutiesRequirement : IAuthorizationRequirement;
