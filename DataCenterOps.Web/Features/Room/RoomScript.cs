using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DataCenterOps.Web.Features.Room;

/// <summary>The room screens' script module (banner, beep, full screen), imported by its fingerprinted name.</summary>
internal static class RoomScript
{
    // Fingerprinted, so the browser caches it for good instead of asking again on every open (the import map that
    // would map the plain name is an inline script, which the CSP's script-src 'self' refuses).
    public static ValueTask<IJSObjectReference> ImportAsync(IJSRuntime js, ResourceAssetCollection assets) =>
        js.InvokeAsync<IJSObjectReference>("import", "./" + assets["room/room.js"]);
}
