namespace DataCenterOps.Domain.Seeding;

/// <summary>The shipped checklist items, in the order of their templates (an item shared by several templates is one entry).</summary>
public static partial class ShippedNames
{
    // Shared by several templates.
    public static readonly ShippedName Remarks = new("item:remarks", "Keterangan", "Remarks");
    public static readonly ShippedName Load = new("item:load", "Beban", "Load");
    public static readonly ShippedName FuelLevel = new("item:fuel-level", "Level bahan bakar", "Fuel level");
    public static readonly ShippedName Ventilation = new("item:ventilation", "Ventilasi", "Ventilation");
    public static readonly ShippedName HourMeter = new("item:hour-meter", "Hour meter", "Hour meter");

    // room-daily
    public static readonly ShippedName ColdAisleTemperature = new("item:room-daily:cold-aisle-temperature", "Suhu lorong dingin (cold aisle)", "Cold-aisle temperature");
    public static readonly ShippedName ColdAisleHumidity = new("item:room-daily:cold-aisle-humidity", "Kelembapan relatif lorong dingin (cold aisle)", "Cold-aisle relative humidity");
    public static readonly ShippedName NoWaterLeak = new("item:room-daily:no-water-leak", "Tidak ada kebocoran air", "No water leak");
    public static readonly ShippedName DoorLockedAccessLog = new("item:room-daily:door-locked", "Pintu tertutup dan terkunci; buku log akses sesuai dengan orang di dalam ruangan", "Door closed and locked; access log matches occupancy");
    public static readonly ShippedName Housekeeping = new("item:room-daily:housekeeping", "Kebersihan dan kerapian ruangan", "Housekeeping");
    public static readonly ShippedName RoomPhoto = new("item:room-daily:photo", "Foto ruangan", "Photo of the room");

    // genset-weekly
    public static readonly ShippedName OilLevel = new("item:genset-weekly:oil-level", "Level oli", "Oil level");
    public static readonly ShippedName CoolantLevelBlockHeater = new("item:genset-weekly:coolant-level", "Level coolant dan pemanas blok mesin (block heater)", "Coolant level and block heater");
    public static readonly ShippedName StartingBatteryCharger = new("item:genset-weekly:starting-battery", "Aki starter dan charger", "Starting battery and charger");
    public static readonly ShippedName StartingBatteryVoltage = new("item:genset-weekly:starting-battery-voltage", "Tegangan aki starter", "Starting battery voltage");
    public static readonly ShippedName NoLeaks = new("item:genset-weekly:no-leaks", "Tidak ada kebocoran", "No leaks");
    public static readonly ShippedName NoControllerAlarms = new("item:genset-weekly:no-alarms", "Tidak ada alarm di panel kontrol", "No alarms on the controller");
    public static readonly ShippedName ControllerInAuto = new("item:genset-weekly:controller-auto", "Panel kontrol pada posisi AUTO", "Controller in AUTO");

    // ups-monthly
    public static readonly ShippedName CleanNoDust = new("item:ups-monthly:clean", "Bersih, tidak ada debu atau kotoran", "Clean, no dust or debris");
    public static readonly ShippedName AlarmLogReviewed = new("item:ups-monthly:log-reviewed", "Log alarm dan event sudah diperiksa", "Alarm and event log reviewed");
    public static readonly ShippedName LogRemarks = new("item:ups-monthly:log-remarks", "Keterangan dari log", "Log remarks");
    public static readonly ShippedName InputVoltage = new("item:ups-monthly:input-voltage", "Tegangan masukan", "Input voltage");
    public static readonly ShippedName OutputVoltage = new("item:ups-monthly:output-voltage", "Tegangan keluaran", "Output voltage");
    public static readonly ShippedName OutputFrequency = new("item:ups-monthly:output-frequency", "Frekuensi keluaran", "Output frequency");
    public static readonly ShippedName AmbientTemperature = new("item:ups-monthly:ambient-temperature", "Suhu ruangan", "Ambient temperature");
    public static readonly ShippedName VentilationAndFans = new("item:ups-monthly:ventilation-fans", "Ventilasi dan kipas", "Ventilation and fans");

    // genset-monthly-load
    public static readonly ShippedName HourMeterAtStart = new("item:genset-monthly-load:hours-start", "Hour meter saat mulai", "Hour meter at start");
    public static readonly ShippedName HourMeterAtEnd = new("item:genset-monthly-load:hours-end", "Hour meter saat selesai", "Hour meter at end");
    public static readonly ShippedName ExerciseRun = new("item:genset-monthly-load:exercise-run", "Uji jalan: minimal 30 menit pada beban tidak kurang dari 30 % kW nameplate (NFPA 110 §8.4.2)", "Exercise run: at least 30 min at no less than 30 % of nameplate kW (NFPA 110 §8.4.2)");
    public static readonly ShippedName OilPressure = new("item:genset-monthly-load:oil-pressure", "Tekanan oli", "Oil pressure");
    public static readonly ShippedName CoolantTemperature = new("item:genset-monthly-load:coolant-temperature", "Suhu coolant", "Coolant temperature");
    public static readonly ShippedName TransferTime = new("item:genset-monthly-load:transfer-time", "Waktu transfer", "Transfer time");
    public static readonly ShippedName ExhaustCondensate = new("item:genset-monthly-load:exhaust-condensate", "Kondensat knalpot sudah dibuang", "Exhaust condensate drained");
    public static readonly ShippedName TransferSwitchesOperated = new("item:genset-monthly-load:transfer-switches", "Setiap saklar transfer (ATS) dioperasikan dalam keadaan berbeban", "Every transfer switch operated under load");

    // vrla-quarterly
    public static readonly ShippedName StringFloatVoltage = new("item:vrla-quarterly:string-float-voltage", "Tegangan float per string", "String float voltage");
    public static readonly ShippedName CellFloatVoltage = new("item:vrla-quarterly:cell-float-voltage", "Tegangan float per sel (25 °C)", "Float voltage per cell (25 °C)");
    public static readonly ShippedName ChargerOutputVoltage = new("item:vrla-quarterly:charger-voltage", "Tegangan keluaran charger", "Charger output voltage");
    public static readonly ShippedName ChargerOutputCurrent = new("item:vrla-quarterly:charger-current", "Arus keluaran charger", "Charger output current");
    public static readonly ShippedName AcRipple = new("item:vrla-quarterly:ac-ripple", "Ripple AC", "AC ripple");
    public static readonly ShippedName OhmicValue = new("item:vrla-quarterly:ohmic-value", "Nilai ohmik internal tertinggi dibanding baseline", "Highest internal ohmic value vs baseline");
    public static readonly ShippedName RoomTemperature = new("item:vrla-quarterly:room-temperature", "Suhu ruang baterai", "Room temperature");
    public static readonly ShippedName NegativeTerminalTemperature = new("item:vrla-quarterly:terminal-temperature", "Suhu terminal negatif tertinggi", "Highest negative-terminal temperature");
    public static readonly ShippedName TerminalsFreeOfCorrosion = new("item:vrla-quarterly:terminals", "Terminal bebas korosi", "Terminals free of corrosion");
    public static readonly ShippedName PostSealsIntact = new("item:vrla-quarterly:post-seals", "Seal terminal (post) utuh", "Post seals intact");
    public static readonly ShippedName NoCaseSwelling = new("item:vrla-quarterly:case-swelling", "Casing baterai tidak menggelembung", "No case swelling");
    public static readonly ShippedName RackSound = new("item:vrla-quarterly:rack", "Rak baterai kokoh", "Rack sound");
    public static readonly ShippedName BatteryMonitorWorking = new("item:vrla-quarterly:battery-monitor", "Monitor baterai berfungsi", "Battery monitor working");

    // fire-monthly
    public static readonly ShippedName PanelNormal = new("item:fire-monthly:panel-normal", "Panel normal, tidak ada gangguan atau zona yang dinonaktifkan", "Panel normal, no faults or disablements");
    public static readonly ShippedName CylindersIntact = new("item:fire-monthly:cylinders", "Tabung, nozzle dan instalasi pipa utuh", "Cylinders, nozzles and pipework intact");
    public static readonly ShippedName ReleaseStationsIntact = new("item:fire-monthly:release-stations", "Tombol pelepasan manual dan tombol abort utuh", "Manual release and abort stations intact");
    public static readonly ShippedName SignageInPlace = new("item:fire-monthly:signage", "Rambu peringatan terpasang", "Signage in place");

    // crac-daily
    public static readonly ShippedName TemperatureSetpoint = new("item:crac-daily:temperature-setpoint", "Setelan suhu", "Temperature set-point");
    public static readonly ShippedName HumiditySetpoint = new("item:crac-daily:humidity-setpoint", "Setelan kelembapan", "Humidity set-point");
    public static readonly ShippedName SupplyAirTemperature = new("item:crac-daily:supply-temperature", "Suhu udara suplai", "Supply air temperature");
    public static readonly ShippedName ReturnAirTemperature = new("item:crac-daily:return-temperature", "Suhu udara balik", "Return air temperature");
    public static readonly ShippedName SupplyAirAcrossCheck = new("item:crac-daily:supply-across-check", "Suhu udara suplai selama pemeriksaan (min, maks, rata-rata)", "Supply air temperature across the check (min, max, mean)");
    public static readonly ShippedName AirInletsUnobstructed = new("item:crac-daily:air-inlets", "Saluran masuk dan keluar udara tidak terhalang", "Air inlets and outlets unobstructed");
    public static readonly ShippedName NoAbnormalNoise = new("item:crac-daily:noise", "Tidak ada suara atau getaran yang tidak normal", "No abnormal noise or vibration");

    // fire-semiannual
    public static readonly ShippedName AgentWeight = new("item:fire-semiannual:agent-weight", "Berat agen tabung terendah dibanding label", "Lowest cylinder agent weight vs label");
    public static readonly ShippedName CylinderPressure = new("item:fire-semiannual:cylinder-pressure", "Tekanan tabung terendah (terkoreksi suhu) dibanding label", "Lowest cylinder pressure (temperature-adjusted) vs label");
    public static readonly ShippedName CylindersWeighed = new("item:fire-semiannual:cylinders-weighed", "Tabung yang ditimbang (nomor seri, kg, bar)", "Cylinders weighed (serial, kg, bar)");
    public static readonly ShippedName PenetrationsSealed = new("item:fire-semiannual:penetrations", "Celah dan lubang tembus ruangan tertutup rapat", "Room penetrations sealed");
    public static readonly ShippedName DetectionInterfaces = new("item:fire-semiannual:interfaces", "Antarmuka deteksi dan pelepasan", "Detection and release interfaces");

    // fire-annual
    public static readonly ShippedName ReleaseSequenceTested = new("item:fire-annual:release-sequence", "Urutan pelepasan diuji tanpa pelepasan agen", "Release sequence tested without discharge");
    public static readonly ShippedName SmokeDetectorsTest = new("item:fire-annual:smoke-detectors", "Uji fungsi detektor asap", "Smoke detectors functional test");

    // genset-annual
    public static readonly ShippedName LoadBankTest = new("item:genset-annual:load-bank", "Uji beban buatan 2 jam (25/50/75 %) dilakukan bila uji bulanan tetap di bawah 30 %", "Load-bank test 2 h (25/50/75 %) done where monthly runs stayed below 30 %");
    public static readonly ShippedName HighestLoadReached = new("item:genset-annual:highest-load", "Beban tertinggi yang dicapai", "Highest load reached");
    public static readonly ShippedName EmergencyBreakersExercised = new("item:genset-annual:breakers", "Breaker darurat sudah dioperasikan", "Emergency breakers exercised");

    // ups-annual
    public static readonly ShippedName TransferToBypass = new("item:ups-annual:bypass", "Transfer ke bypass dan kembali", "Transfer to bypass and back");
    public static readonly ShippedName TransferTest = new("item:ups-annual:transfer-test", "Uji transfer: ke baterai dan kembali ke PLN, terlihat di data pembacaan", "Transfer test: on battery and back to mains, seen in the readings");
    public static readonly ShippedName DischargeCurrent = new("item:ups-annual:discharge-current", "Arus discharge selama pemadaman 3 menit", "Discharge current during 3-min outage");
    public static readonly ShippedName EndDcVoltage = new("item:ups-annual:end-dc-voltage", "Tegangan DC akhir setelah pemadaman 3 menit", "End DC voltage after 3-min outage");
    public static readonly ShippedName ThermalScan = new("item:ups-annual:thermal-scan", "Pemindaian termal sambungan kabel", "Thermal scan of terminations");
    public static readonly ShippedName ThermalImage = new("item:ups-annual:thermal-image", "Foto termal", "Thermal image");

    // genset-service-250h
    public static readonly ShippedName OilAndFilterChanged = new("item:genset-service-250h:oil-filter", "Oli mesin dan filter oli sudah diganti", "Engine oil and oil filter changed");
    public static readonly ShippedName FuelFilters = new("item:genset-service-250h:fuel-filters", "Filter bahan bakar dan water separator", "Fuel filters and water separator");
    public static readonly ShippedName AirFilterInspected = new("item:genset-service-250h:air-filter", "Filter udara sudah diperiksa", "Air filter inspected");
    public static readonly ShippedName BeltsAndHoses = new("item:genset-service-250h:belts", "V-belt dan selang", "Belts and hoses");

    // crac-service-2000h
    public static readonly ShippedName CompressorHourMeter = new("item:crac-service-2000h:hour-meter", "Hour meter kompresor", "Compressor hour meter");
    public static readonly ShippedName RefrigerantPressures = new("item:crac-service-2000h:refrigerant", "Tekanan refrigeran dan superheat", "Refrigerant pressures and superheat");
    public static readonly ShippedName CompressorContactor = new("item:crac-service-2000h:contactor", "Kontaktor dan terminal kompresor", "Compressor contactor and terminals");
    public static readonly ShippedName FiltersReplaced = new("item:crac-service-2000h:filters", "Filter sudah diganti", "Filters replaced");
    public static readonly ShippedName CondensateDrainClear = new("item:crac-service-2000h:condensate", "Saluran kondensat lancar", "Condensate drain clear");

    // crac-annual
    public static readonly ShippedName SensorDifference = new("item:crac-annual:sensor-difference", "Selisih sensor suhu dibanding alat referensi", "Temperature sensor difference vs reference");
    public static readonly ShippedName ValvesAndDampers = new("item:crac-annual:valves", "Katup dan damper", "Valves and dampers");
    public static readonly ShippedName WiringAndLabels = new("item:crac-annual:wiring", "Pengkabelan dan label", "Wiring and labels");
}
