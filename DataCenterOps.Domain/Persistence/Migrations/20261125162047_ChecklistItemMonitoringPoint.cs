using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChecklistItemMonitoringPoint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MonitoringPoint",
                table: "ChecklistTemplateItems",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MonitoringPoint",
                table: "ChecklistTemplateItems");
        }
    }
}
