using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class MeterSchedulesAndVerifiedItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "MeterEvery",
                table: "MaintenanceSchedules",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MeterPoint",
                table: "MaintenanceSchedules",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MeterMark",
                table: "DueChecks",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Trigger",
                table: "DueChecks",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HistoryRule",
                table: "ChecklistTemplateItems",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "ChecklistAnswers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvidenceFigures",
                table: "ChecklistAnswers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verdict",
                table: "ChecklistAnswers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DueChecks_ScheduleId_EquipmentId_MeterMark",
                table: "DueChecks",
                columns: new[] { "ScheduleId", "EquipmentId", "MeterMark" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DueChecks_ScheduleId_EquipmentId_MeterMark",
                table: "DueChecks");

            migrationBuilder.DropColumn(
                name: "MeterEvery",
                table: "MaintenanceSchedules");

            migrationBuilder.DropColumn(
                name: "MeterPoint",
                table: "MaintenanceSchedules");

            migrationBuilder.DropColumn(
                name: "MeterMark",
                table: "DueChecks");

            migrationBuilder.DropColumn(
                name: "Trigger",
                table: "DueChecks");

            migrationBuilder.DropColumn(
                name: "HistoryRule",
                table: "ChecklistTemplateItems");

            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "ChecklistAnswers");

            migrationBuilder.DropColumn(
                name: "EvidenceFigures",
                table: "ChecklistAnswers");

            migrationBuilder.DropColumn(
                name: "Verdict",
                table: "ChecklistAnswers");
        }
    }
}
