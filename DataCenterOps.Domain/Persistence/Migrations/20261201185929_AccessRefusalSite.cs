using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccessRefusalSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SiteId",
                table: "AccessRefusals",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("5e7e0000-0000-4000-8000-000000000001"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "AccessRefusals");
        }
    }
}
