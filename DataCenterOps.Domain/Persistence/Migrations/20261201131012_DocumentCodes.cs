using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.Persistence.Migrations
{
    /// <summary>The random verification codes printed as QR codes on letters and archived reports (append-only).</summary>
    public partial class DocumentCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentCodes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ArchiveId = table.Column<long>(type: "INTEGER", nullable: true),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentCodes", x => x.Code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentCodes_ArchiveId",
                table: "DocumentCodes",
                column: "ArchiveId",
                unique: true,
                filter: "\"ArchiveId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentCodes_LetterId",
                table: "DocumentCodes",
                column: "LetterId",
                unique: true,
                filter: "\"LetterId\" IS NOT NULL");

            // A printed code is permanent: the database refuses to change or remove one.
            migrationBuilder.Sql("""
                CREATE TRIGGER "DocumentCodes_NoUpdate" BEFORE UPDATE ON "DocumentCodes"
                BEGIN SELECT RAISE(ABORT, 'DocumentCodes is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "DocumentCodes_NoDelete" BEFORE DELETE ON "DocumentCodes"
                BEGIN SELECT RAISE(ABORT, 'DocumentCodes is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "DocumentCodes_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "DocumentCodes_NoDelete";""");
            migrationBuilder.DropTable(
                name: "DocumentCodes");
        }
    }
}
