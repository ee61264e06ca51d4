namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>The one rule for every "return to" address (sign-in, sign-out, culture switch): a local path, else "/".</summary>
public static class LocalUrl
{
    /// <summary>
    /// <paramref name="url"/> when it is a path on this site ("/letters?x=1"); "/" for anything else — absolute URLs,
    /// protocol-relative "//host" and "/\host", encoded tricks that are not a path ("%2F%2Fhost"), control characters.
    /// </summary>
    public static string OrRoot(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/')
        {
            return "/";
        }

        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return "/";
        }

        foreach (var c in url)
        {
            if (c == '\\' || char.IsControl(c))
            {
                return "/";
            }
        }

        return Uri.IsWellFormedUriString(url, UriKind.Relative) ? url : "/";
    }
}
