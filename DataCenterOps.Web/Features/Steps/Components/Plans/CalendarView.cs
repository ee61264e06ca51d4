namespace DataCenterOps.Web.Features.Steps.Components.Plans;

public enum CalendarView
{
    Month,
    Week,
}
