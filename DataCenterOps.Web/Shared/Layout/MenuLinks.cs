namespace DataCenterOps.Web.Shared.Layout;

/// <summary>Which menu or room link is the current page, matched as <c>NavLink</c> matches (exactly, or as a path prefix).</summary>
public static class MenuLinks
{
    /// <param name="relativeUri">The page's address relative to the base (<c>NavigationManager.ToBaseRelativePath</c>).</param>
    /// <param name="href">The link's relative address, e.g. <c>room/alarms</c>.</param>
    /// <param name="exact">True for <c>NavLinkMatch.All</c>; false matches the link and every address below it.</param>
    public static bool IsCurrent(string relativeUri, string href, bool exact)
    {
        ArgumentNullException.ThrowIfNull(relativeUri);
        ArgumentNullException.ThrowIfNull(href);
        var path = relativeUri.AsSpan();
        var end = path.IndexOfAny('?', '#');
        if (end >= 0)
        {
            path = path[..end];
        }

        path = path.TrimEnd('/');
        var target = href.AsSpan().TrimEnd('/');
        if (path.Equals(target, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return !exact && path.Length > target.Length && path[target.Length] == '/'
            && path[..target.Length].Equals(target, StringComparison.OrdinalIgnoreCase);
    }
}
