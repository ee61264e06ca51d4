namespace DataCenterOps.Web.Components.Steps.Plans;

public enum CalendarView
{
    Month,
    Week,
}
