; Inno Setup 6 script: chatapp's Windows installer (built by .github/workflows/release.yml).
; It installs PyInstaller's one-folder bundle for the current user, without admin rights
; (%LOCALAPPDATA%\Programs\chatapp), adds a Start-menu entry and an uninstaller.
; The user's chats, models and settings live in %LOCALAPPDATA%\chatapp and are kept on
; uninstall. Not runnable on the Linux build machine: Windows and Inno Setup only.
;   iscc /DAppVersion=0.1.0 /DBundleDir=..\..\build\pyinstaller\dist\chatapp packaging\windows\chatapp.iss

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\pyinstaller\dist\chatapp"
#endif

[Setup]
; AppId identifies the app across versions (upgrades, uninstall): never change it.
AppId={{89EAA012-14FC-4EBB-B915-C01B9C8E54BA}
AppName=chatapp
AppVersion={#AppVersion}
AppPublisher=chatapp developers
AppComments=Chat with language models that run offline on this computer.
; lowest: a per-user install that never asks for admin rights; {autopf} is then
; %LOCALAPPDATA%\Programs. The dialog lets an admin choose all users instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\chatapp
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=chatapp-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icons\chatapp.ico
UninstallDisplayIcon={app}\chatapp.exe
UninstallDisplayName=chatapp
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\chatapp"; Filename: "{app}\chatapp.exe"; Comment: "Chat with local language models"
Name: "{autodesktop}\chatapp"; Filename: "{app}\chatapp.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\chatapp.exe"; Description: "{cm:LaunchProgram,chatapp}"; Flags: nowait postinstall skipifsilent
