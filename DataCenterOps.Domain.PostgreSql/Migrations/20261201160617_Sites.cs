using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Sites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SiteId",
                table: "Equipment",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("5e7e0000-0000-4000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "SiteId",
                table: "AssignmentLetters",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("5e7e0000-0000-4000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "SiteId",
                table: "AccessEntries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("5e7e0000-0000-4000-8000-000000000001"));

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserSites",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSites", x => new { x.UserId, x.SiteId });
                    table.ForeignKey(
                        name: "FK_UserSites_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UserSites_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Sites",
                columns: new[] { "Id", "Address", "Code", "Name", "TimeZone" },
                values: new object[] { new Guid("5e7e0000-0000-4000-8000-000000000001"), "Jln. Basuki Rahmat No.41, Samarinda", "DC-KALTIM", "Data Center Diskominfo Provinsi Kalimantan Timur", "Asia/Makassar" });

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_SiteId",
                table: "Equipment",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentLetters_SiteId",
                table: "AssignmentLetters",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEntries_SiteId",
                table: "AccessEntries",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_Code",
                table: "Sites",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserSites_SiteId",
                table: "UserSites",
                column: "SiteId");

            migrationBuilder.AddForeignKey(
                name: "FK_AssignmentLetters_Sites_SiteId",
                table: "AssignmentLetters",
                column: "SiteId",
                principalTable: "Sites",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Equipment_Sites_SiteId",
                table: "Equipment",
                column: "SiteId",
                principalTable: "Sites",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AssignmentLetters_Sites_SiteId",
                table: "AssignmentLetters");

            migrationBuilder.DropForeignKey(
                name: "FK_Equipment_Sites_SiteId",
                table: "Equipment");

            migrationBuilder.DropTable(
                name: "UserSites");

            migrationBuilder.DropTable(
                name: "Sites");

            migrationBuilder.DropIndex(
                name: "IX_Equipment_SiteId",
                table: "Equipment");

            migrationBuilder.DropIndex(
                name: "IX_AssignmentLetters_SiteId",
                table: "AssignmentLetters");

            migrationBuilder.DropIndex(
                name: "IX_AccessEntries_SiteId",
                table: "AccessEntries");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "Equipment");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "AssignmentLetters");

            migrationBuilder.DropColumn(
                name: "SiteId",
                table: "AccessEntries");
        }
    }
}
