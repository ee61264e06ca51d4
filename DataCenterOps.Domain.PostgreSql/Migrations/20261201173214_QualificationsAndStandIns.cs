using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class QualificationsAndStandIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOfId",
                table: "ReportReviews",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewerStandIn",
                table: "ReportReviews",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuedAsStandIn",
                table: "AssignmentLetters",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuedById",
                table: "AssignmentLetters",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QualificationOverrideReason",
                table: "AssignmentLetters",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Qualifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileContentType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiryNoticeSentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Qualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Qualifications_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Qualifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StandIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PrincipalId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DelegateId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandIns_AspNetUsers_DelegateId",
                        column: x => x.DelegateId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StandIns_AspNetUsers_PrincipalId",
                        column: x => x.PrincipalId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Qualifications_RecordedById",
                table: "Qualifications",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Qualifications_UserId_Kind",
                table: "Qualifications",
                columns: new[] { "UserId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Qualifications_ValidUntil",
                table: "Qualifications",
                column: "ValidUntil");

            migrationBuilder.CreateIndex(
                name: "IX_StandIns_DelegateId_UntilUtc",
                table: "StandIns",
                columns: new[] { "DelegateId", "UntilUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_StandIns_PrincipalId_UntilUtc",
                table: "StandIns",
                columns: new[] { "PrincipalId", "UntilUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Qualifications");

            migrationBuilder.DropTable(
                name: "StandIns");

            migrationBuilder.DropColumn(
                name: "OnBehalfOfId",
                table: "ReportReviews");

            migrationBuilder.DropColumn(
                name: "ReviewerStandIn",
                table: "ReportReviews");

            migrationBuilder.DropColumn(
                name: "IssuedAsStandIn",
                table: "AssignmentLetters");

            migrationBuilder.DropColumn(
                name: "IssuedById",
                table: "AssignmentLetters");

            migrationBuilder.DropColumn(
                name: "QualificationOverrideReason",
                table: "AssignmentLetters");
        }
    }
}
