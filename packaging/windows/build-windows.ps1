# Build the Windows one-folder app and the per-user installer (run in PowerShell on Windows 10+
# x64 with Python 3.11 from python.org and Inno Setup 6 on PATH):
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
# Output: dist\testimony-desk\ (testimony-desk.exe = CLI, testimony-desk-gui.exe = GUI) and
# dist\testimony-desk-<version>-setup.exe. Signing: see packaging\README.md.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$venv = "build\packaging\venv-win"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3.11 -m venv $venv }
& "$venv\Scripts\python.exe" -m pip install --require-hashes --only-binary :all: `
    -r packaging\requirements.lock -r packaging\build-requirements.lock
if ($LASTEXITCODE) { throw "pip install failed" }
& "$venv\Scripts\pyinstaller.exe" --noconfirm --clean --distpath dist `
    --workpath build\packaging\work-win packaging\pyinstaller\testimony-desk.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
$version = (Select-String -Path desktop\__init__.py -Pattern '^__version__ = "(.*)"').Matches[0].Groups[1].Value
& dist\testimony-desk\testimony-desk.exe --version
if ($LASTEXITCODE) { throw "the frozen app does not start" }
iscc "/DAppVersion=$version" packaging\windows\testimony-desk.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Write-Host "built dist\testimony-desk-$version-setup.exe"
