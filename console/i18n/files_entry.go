//go:build entry

package i18n

import "embed"

// files holds, in the first-visit binary (build tag entry), only the
// messages of the areas it has: the landing page, sign-up, the virtual
// devices and the information pages (README, "Size and speed").
//
//go:embed messages/en/shell.json
//go:embed messages/en/signup.json
//go:embed messages/en/devices.json
//go:embed messages/en/info.json
//go:embed messages/en/persist.json
//go:embed messages/ko/shell.json
//go:embed messages/ko/signup.json
//go:embed messages/ko/devices.json
//go:embed messages/ko/info.json
//go:embed messages/ko/persist.json
var files embed.FS
