using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    /// <remarks>
    /// Hand-added: the register is evidence. No DELETE on any access table; refusals, corrections, reviews and
    /// carried equipment are append-only too (entries and grants change only by exit, correction, void, use or revoke).
    /// </remarks>
    public partial class AccessRegister : Migration
    {
        private static readonly string[] NoDelete = ["AccessEntries", "AccessGrants"];
        private static readonly string[] AppendOnly = ["AccessEquipmentItems", "AccessRefusals", "AccessEntryCorrections", "AccessReviews", "AccessReviewItems"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    GrantedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedByEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessGrants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessRefusals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IdType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRefusals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccessReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerformedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PerformedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccessEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IdType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IdHeldAtDesk = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdReturnedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Visiting = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LetterNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GrantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EscortEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EscortUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EscortName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InRecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OutAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OutRecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VoidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    VoidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessEntries_AccessEntries_EscortEntryId",
                        column: x => x.EscortEntryId,
                        principalTable: "AccessEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccessEntries_AccessGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "AccessGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccessEntries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccessEntries_AssignmentLetters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "AssignmentLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessReviewItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReferenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Lapsed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revoked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessReviewItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessReviewItems_AccessReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "AccessReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessEntryCorrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsVoid = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BeforeJson = table.Column<string>(type: "TEXT", nullable: false),
                    AfterJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessEntryCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessEntryCorrections_AccessEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "AccessEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessEquipmentItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessEquipmentItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessEquipmentItems_AccessEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "AccessEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessEntries_EscortEntryId",
                table: "AccessEntries",
                column: "EscortEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEntries_GrantId",
                table: "AccessEntries",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEntries_Id_Inside",
                table: "AccessEntries",
                columns: new[] { "IdType", "IdNumber" },
                unique: true,
                filter: "\"Status\" = 'Inside' AND \"Kind\" = 'Visitor'");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEntries_InAtUtc",
                table: "AccessEntries",
                column: "InAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEntries_LetterId",
                table: "AccessEntries",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEntries_Status",
                table: "AccessEntries",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEntries_UserId_Inside",
                table: "AccessEntries",
                column: "UserId",
                unique: true,
                filter: "\"Status\" = 'Inside' AND \"UserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEntryCorrections_EntryId",
                table: "AccessEntryCorrections",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessEquipmentItems_EntryId",
                table: "AccessEquipmentItems",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessGrants_UserId",
                table: "AccessGrants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRefusals_AtUtc",
                table: "AccessRefusals",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviewItems_ReviewId",
                table: "AccessReviewItems",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessReviews_PerformedAtUtc",
                table: "AccessReviews",
                column: "PerformedAtUtc");

            foreach (var table in NoDelete.Concat(AppendOnly))
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoDelete" BEFORE DELETE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table}: the access register is never deleted'); END;
                    """);
            }

            foreach (var table in AppendOnly)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_NoUpdate" BEFORE UPDATE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in NoDelete.Concat(AppendOnly))
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoDelete";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_NoUpdate";""");
            }

            migrationBuilder.DropTable(
                name: "AccessEntryCorrections");

            migrationBuilder.DropTable(
                name: "AccessEquipmentItems");

            migrationBuilder.DropTable(
                name: "AccessRefusals");

            migrationBuilder.DropTable(
                name: "AccessReviewItems");

            migrationBuilder.DropTable(
                name: "AccessEntries");

            migrationBuilder.DropTable(
                name: "AccessReviews");

            migrationBuilder.DropTable(
                name: "AccessGrants");
        }
    }
}
