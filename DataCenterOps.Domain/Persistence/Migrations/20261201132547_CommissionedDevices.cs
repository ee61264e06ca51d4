using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DataCenterOps.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CommissionedDevices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommissionedDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Protocol = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Port = table.Column<int>(type: "INTEGER", nullable: false),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IntervalSeconds = table.Column<double>(type: "REAL", nullable: false),
                    SnmpVersion = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ProtectedCommunity = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    V3User = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    V3AuthProtocol = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ProtectedV3AuthPassword = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    V3PrivProtocol = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ProtectedV3PrivPassword = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    V3Context = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionedDevices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionedDevices_DeviceId",
                table: "CommissionedDevices",
                column: "DeviceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommissionedDevices");
        }
    }
}
