using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccessGrantAndReviewSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SiteId",
                table: "AccessReviews",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("5e7e0000-0000-4000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "SiteId",
                table: "AccessGrants",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("5e7e0000-0000-4000-8000-000000000001"));

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviews_SiteId",
                table: "AccessReviews",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessGrants_SiteId",
                table: "AccessGrants",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessReviews_SiteId",
                table: "AccessReviews");

            migrationBuilder.DropIndex(
                name: "IX_AccessGrants_SiteId",
                table: "AccessGrants");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "AccessReviews");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "AccessGrants");
        }
    }
}
