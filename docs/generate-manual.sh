#!/bin/sh
# Regenerates docs/rapport.1 from rapport's own command-line definitions, with
# swift-argument-parser's generate-manual plugin. Run it after changing a command, an
# option or a help text; Tests/RapportCLITests/InstallTests.swift fails when it is due.
# Blank lines in help texts become mdoc paragraph breaks (.Pp), which mdoc wants.
set -eu
cd "$(dirname "$0")/.."
swift package generate-manual --configuration debug
sed 's/^$/.Pp/' .build/plugins/GenerateManual/outputs/rapport/rapport.1 > docs/rapport.1
echo "wrote docs/rapport.1"
