; Inno Setup 6 script: installs the PyInstaller folder for the current user only, without
; administrator rights (field laptops are often locked down). Build (see packaging/README.md):
;   powershell -File packaging\windows\build-windows.ps1
; which runs PyInstaller and then:  iscc /DAppVersion=<version> packaging\windows\testimony-desk.iss
; The version is read from desktop\__init__.py by the build script: never written here.
#ifndef AppVersion
  #error Pass /DAppVersion=x.y.z (build-windows.ps1 reads it from desktop\__init__.py)
#endif

[Setup]
AppId={{3F6C2B1E-7A4D-4E4B-9F0A-6D2C8E5B1A73}
AppName=Testimony Desk
AppVersion={#AppVersion}
AppVerName=Testimony Desk {#AppVersion}
AppPublisher=Testimony Desk contributors
; Per-user install: {autopf} is %LOCALAPPDATA%\Programs when running without admin rights.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Testimony Desk
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=testimony-desk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\testimony-desk.ico
UninstallDisplayIcon={app}\testimony-desk-gui.exe
UninstallDisplayName=Testimony Desk
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Signing: iscc /Ssigntool="signtool sign /fd sha256 /tr <your CA timestamp URL> /td sha256 /a $f"
; and uncomment the next line (see packaging/README.md).
;SignTool=signtool

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\testimony-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the whole program folder (old libraries must not linger).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Testimony Desk"; Filename: "{app}\testimony-desk-gui.exe"; Parameters: "gui"
Name: "{autodesktop}\Testimony Desk"; Filename: "{app}\testimony-desk-gui.exe"; Parameters: "gui"; Tasks: desktopicon

[Run]
Filename: "{app}\testimony-desk-gui.exe"; Parameters: "gui"; Description: "{cm:LaunchProgram,Testimony Desk}"; Flags: nowait postinstall skipifsilent

; The vault (the user's data folder) is deliberately NOT removed on uninstall: it holds the
; cases. To destroy it, use "testimony-desk erase --yes" (crypto-erase) before uninstalling.
