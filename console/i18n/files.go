//go:build !entry

package i18n

import "embed"

// files holds every area's messages in both languages.
//
//go:embed messages
var files embed.FS
