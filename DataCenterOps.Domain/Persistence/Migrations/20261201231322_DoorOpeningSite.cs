using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DoorOpeningSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SiteId",
                table: "DoorOpenings",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("5e7e0000-0000-4000-8000-000000000001"));

            migrationBuilder.CreateIndex(
                name: "IX_DoorOpenings_SiteId",
                table: "DoorOpenings",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DoorOpenings_SiteId",
                table: "DoorOpenings");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "DoorOpenings");
        }
    }
}
