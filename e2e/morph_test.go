//go:build e2e

package e2e

import "testing"

// TestMorphKeepsTheFocusedFieldAndItsText drives the page's DOM morph
// (labsimPatch in assets/app.js) directly: nodes removed before a focused
// field, a keyed field moving among siblings, a value the student typed
// that the new view does not know yet.
func TestMorphKeepsTheFocusedFieldAndItsText(t *testing.T) {
	p := NewPage(t)
	p.Open("/?lang=en")
	got := Eval[map[string]any](p, `(() => {
		const box = document.createElement('div');
		document.body.appendChild(box);
		const out = {};
		// Two notices before the field disappear while the student types.
		labsimPatch(box, '<p>one</p><p>two</p><label for="f">Name</label><input id="f" name="f" value="">');
		const f = document.getElementById('f');
		f.focus(); f.value = 'Kim Min'; f.setSelectionRange(3, 3);
		labsimPatch(box, '<label for="f">Name</label><input id="f" name="f" value="Kim">');
		out.sameNode = document.getElementById('f') === f;
		out.focused = document.activeElement === f;
		out.value = f.value;
		out.caret = f.selectionStart;
		out.text = box.textContent;
		// A keyed field gets a new sibling inserted before it.
		labsimPatch(box, '<p role="alert">Name is required</p><label for="f">Name</label><input id="f" name="f" value="Kim">');
		out.stillSame = document.getElementById('f') === f && document.activeElement === f && f.value === 'Kim Min';
		// When the field is not focused, the view's value wins.
		f.blur();
		labsimPatch(box, '<label for="f">Name</label><input id="f" name="f" value="Lee">');
		out.blurredValue = f.value;
		// Checkbox state follows the view.
		labsimPatch(box, '<input id="c" type="checkbox" checked>');
		out.checked = document.getElementById('c').checked;
		box.remove();
		return out;
	})()`)
	want := map[string]any{"sameNode": true, "focused": true, "value": "Kim Min", "caret": float64(3),
		"text": "Name", "stillSame": true, "blurredValue": "Lee", "checked": true}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v (all: %v)", k, got[k], v, got)
		}
	}
}
