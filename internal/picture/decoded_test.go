package picture

import (
	"testing"

	"handouts/internal/picture/picturetest"
)

// TestCheckRemembersOnlyGoodPictures checks a picture, then the same
// picture again (the decode is remembered), then a damaged copy that
// differs from it by its last bytes: the damage must still be found,
// every time.
func TestCheckRemembersOnlyGoodPictures(t *testing.T) {
	for _, tc := range []struct {
		format string
		data   []byte
	}{{PNG, picturetest.PNG(33, 17)}, {JPEG, picturetest.JPEG(33, 17)}} {
		for range 2 {
			if _, err := Check("x", tc.data); err != nil {
				t.Fatalf("%s: %v", tc.format, err)
			}
		}
		damaged := append([]byte(nil), tc.data[:len(tc.data)*2/3]...)
		for range 2 {
			if _, err := Check("x", damaged); err == nil {
				t.Errorf("%s: a damaged copy passed the check", tc.format)
			}
		}
		if err := (&Picture{Format: tc.format, Data: damaged}).decodes(); err == nil {
			t.Errorf("%s: decodes of a damaged copy = nil", tc.format)
		}
	}
}
