namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>One email: <paramref name="MessageId"/> is stable per notification, so even a resend after a crash is recognisable.</summary>
public sealed record OutgoingMail(string MessageId, IReadOnlyList<string> To, string Subject, string Body);
