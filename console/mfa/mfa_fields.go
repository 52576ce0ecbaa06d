package mfa

import (
	"labsim/console/ui"
)

// mfaFrame is the MFA pages' frame: breadcrumbs back to My Security
// Credentials, the heading and the page's body.
var mfaFrame = ui.Lazy(`
<section class="$class">
	<nav class="breadcrumbs" aria-label="%nav.breadcrumbs">
		<ol>
			<li>
				<a href="#/security-credentials">{t cred.title}</a>
			</li>
			<li aria-current="page">{t mfa.title}</li>
		</ol>
	</nav>
	<h1 id="page-title" tabindex="-1">{t mfa.title}</h1>
	{slot body}
</section>
`)
