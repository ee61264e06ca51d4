namespace DataCenterOps.Web.Shared.Layout;

/// <summary>
/// A feature's part of the menu. The layout owns this contract and knows no feature: each feature declares its links
/// in one class and registers it in its own <c>Add…()</c> (<c>TryAddEnumerable</c>, so twice is once); the menu shows
/// every part's entries in <see cref="MenuEntry.Order"/>.
/// </summary>
public interface IMenuPart
{
    IReadOnlyList<MenuEntry> Entries { get; }
}
