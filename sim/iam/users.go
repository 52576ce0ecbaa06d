package iam

import (
	"fmt"
	"slices"

	"labsim/sim/account"
	"labsim/sim/awserr"
	"labsim/sim/mfa"
)

// user returns a pointer to the named user, or NoSuchEntity.
func (a *Account) user(name string) (*User, error) {
	i := a.userIndex(name)
	if i < 0 {
		return nil, noSuch(KindUser, name)
	}
	return &a.Users[i], nil
}

// CreateUser adds a user with a path ("" means "/") and tags.
func (a *Account) CreateUser(e Env, name, path string, tags []Tag) (User, error) {
	if err := ValidateUserName(name); err != nil {
		return User{}, err
	}
	path = pathOrRoot(path)
	if err := ValidatePath(path); err != nil {
		return User{}, err
	}
	if err := checkTags(nil, tags); err != nil {
		return User{}, err
	}
	if a.userIndex(name) >= 0 {
		return User{}, exists(KindUser, name)
	}
	if len(a.Users) >= MaxUsers {
		return User{}, limit("Users", MaxUsers)
	}
	u := User{
		Name: name, Path: path, ARN: UserARN(e.AccountID, path, name),
		ID: NewID(e.Rand, UserIDPrefix), CreatedAt: e.now(), Tags: mergeTags(nil, tags),
	}
	a.Users = append(a.Users, u)
	return u, nil
}

// DeleteUser deletes a user that has nothing left: IAM's API refuses with
// DeleteConflict while the user has a console password, access keys, MFA
// devices, group memberships, attached or inline policies.
func (a *Account) DeleteUser(name string) error {
	i := a.userIndex(name)
	if i < 0 {
		return noSuch(KindUser, name)
	}
	u := a.Users[i]
	var reason string
	switch {
	case u.Login.Enabled():
		reason = ConflictLoginProfile
	case len(u.AccessKeys) > 0:
		reason = ConflictAccessKeys
	case len(u.MFA) > 0:
		reason = ConflictMFADevices
	case len(u.Groups) > 0:
		reason = ConflictGroups
	case len(u.Attached) > 0:
		reason = ConflictAttached
	case len(u.Inline) > 0:
		reason = ConflictInline
	}
	if reason != "" {
		return conflict(KindUser, u.Name, reason)
	}
	a.Users = slices.Delete(a.Users, i, i+1)
	return nil
}

// hashSecret hashes a password or key secret with a salt from e.Entropy.
func hashSecret(e Env, secret string) (account.PasswordHash, error) {
	if e.Entropy == nil {
		return account.PasswordHash{}, fmt.Errorf("hash: no entropy source: %w", awserr.New(awserr.Internal))
	}
	h, err := account.NewPasswordHash(secret, e.Entropy, e.PasswordCost)
	if err != nil {
		return account.PasswordHash{}, fmt.Errorf("hash: %v: %w", err, awserr.New(awserr.Internal))
	}
	return h, nil
}

// CreateLoginProfile gives a user a console password, checked against the
// password policy.
func (a *Account) CreateLoginProfile(e Env, userName, password string, mustChange bool) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	if u.Login.Enabled() {
		return exists(KindLoginProfile, u.Name)
	}
	if err := a.checkNewPassword(e, password, LoginProfile{}); err != nil {
		return err
	}
	h, err := hashSecret(e, password)
	if err != nil {
		return err
	}
	now := e.now()
	u.Login = LoginProfile{Password: h, MustChange: mustChange, CreatedAt: now, ChangedAt: now}
	return nil
}

// UpdateLoginProfile resets a user's password (when password is not "")
// and sets whether it must be changed at next sign-in.
func (a *Account) UpdateLoginProfile(e Env, userName, password string, mustChange bool) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	if !u.Login.Enabled() {
		return noSuch(KindLoginProfile, u.Name)
	}
	if password != "" {
		if err := a.setPassword(e, u, password); err != nil {
			return err
		}
	}
	u.Login.MustChange = mustChange
	return nil
}

// setPassword checks and stores a new password, keeping the old hash for
// reuse prevention.
func (a *Account) setPassword(e Env, u *User, password string) error {
	if err := a.checkNewPassword(e, password, u.Login); err != nil {
		return err
	}
	h, err := hashSecret(e, password)
	if err != nil {
		return err
	}
	hist := append([]account.PasswordHash{u.Login.Password}, u.Login.History...)
	hist = hist[:min(len(hist), MaxReusePrevention)]
	u.Login.History = hist
	u.Login.Password = h
	u.Login.ChangedAt = e.now()
	return nil
}

// DeleteLoginProfile removes a user's console password.
func (a *Account) DeleteLoginProfile(userName string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	if !u.Login.Enabled() {
		return noSuch(KindLoginProfile, u.Name)
	}
	u.Login = LoginProfile{}
	return nil
}

// ChangePassword is a user changing their own password: the old password
// must be right (InvalidInput, reason "oldPassword"), the new one must
// differ from it (reason "samePassword") and satisfy the policy; a password
// that expired under a policy requiring administrator reset cannot be
// changed (EntityTemporarilyUnmodifiable). It clears MustChange.
func (a *Account) ChangePassword(e Env, userName, oldPassword, newPassword string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	if !u.Login.Enabled() {
		return noSuch(KindLoginProfile, u.Name)
	}
	p := a.PasswordPolicy
	if p.HardExpiry && p.Expired(u.Login.ChangedAt, e.Now) {
		return awserr.New(EntityTemporarilyUnmodifiable, "kind", KindLoginProfile, "name", u.Name)
	}
	if !u.Login.Password.Verify(oldPassword) {
		return awserr.New(awserr.InvalidInput, "field", "oldPassword", "reason", "oldPassword")
	}
	if newPassword == oldPassword {
		return awserr.New(awserr.InvalidInput, "field", "newPassword", "reason", "samePassword")
	}
	if err := a.setPassword(e, u, newPassword); err != nil {
		return err
	}
	u.Login.MustChange = false
	return nil
}

// CheckPassword reports whether password is the user's console password.
// A user without console access never matches.
func (a Account) CheckPassword(userName, password string) bool {
	u, ok := a.User(userName)
	return ok && u.Login.Enabled() && u.Login.Password.Verify(password)
}

// CreateAccessKey gives a user a new active access key (at most two per
// user). The secret is returned once; only its hash is kept.
func (a *Account) CreateAccessKey(e Env, userName string) (AccessKey, string, error) {
	u, err := a.user(userName)
	if err != nil {
		return AccessKey{}, "", err
	}
	if len(u.AccessKeys) >= MaxAccessKeysPerUser {
		return AccessKey{}, "", limit("AccessKeysPerUser", MaxAccessKeysPerUser)
	}
	k, secret, err := NewAccessKey(e)
	if err != nil {
		return AccessKey{}, "", err
	}
	u.AccessKeys = append(u.AccessKeys, k)
	return k, secret, nil
}

// NewAccessKey makes an active access key and its secret (for a user, or
// the root user's keys kept by the account); only the secret's hash is in
// the key.
func NewAccessKey(e Env) (AccessKey, string, error) {
	secret := newSecretKey(e.Rand)
	h, err := hashSecret(e, secret)
	if err != nil {
		return AccessKey{}, "", err
	}
	return AccessKey{ID: newAccessKeyID(e.Rand), SecretHash: h, Status: KeyActive, CreatedAt: e.now()}, secret, nil
}

// keyIndex finds a user's access key.
func keyIndex(u *User, id string) (int, error) {
	i := slices.IndexFunc(u.AccessKeys, func(k AccessKey) bool { return k.ID == id })
	if i < 0 {
		return -1, noSuch(KindAccessKey, id)
	}
	return i, nil
}

// UpdateAccessKey sets a key's status: KeyActive or KeyInactive.
func (a *Account) UpdateAccessKey(userName, keyID, status string) error {
	if status != KeyActive && status != KeyInactive {
		return validation(FieldStatus, "pattern", status, "pattern", "Active|Inactive")
	}
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	i, err := keyIndex(u, keyID)
	if err != nil {
		return err
	}
	u.AccessKeys[i].Status = status
	return nil
}

// DeleteAccessKey deletes a user's access key.
func (a *Account) DeleteAccessKey(userName, keyID string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	i, err := keyIndex(u, keyID)
	if err != nil {
		return err
	}
	u.AccessKeys = slices.Delete(u.AccessKeys, i, i+1)
	return nil
}

// MFADeviceOwner returns the name of the user who has the device with the
// serial, if any.
func (a Account) MFADeviceOwner(serial string) (string, bool) {
	for _, u := range a.Users {
		for _, d := range u.MFA {
			if d.Serial == serial {
				return u.Name, true
			}
		}
	}
	return "", false
}

// CheckNewMFADevice checks that a user may get a device of that name: a
// valid name not used by any user's device and fewer than 8 devices. The
// world also checks the root user's devices.
func (a Account) CheckNewMFADevice(accountID, userName, deviceName string) error {
	if err := mfa.ValidateName(deviceName); err != nil {
		return err
	}
	u, ok := a.User(userName)
	if !ok {
		return noSuch(KindUser, userName)
	}
	if len(u.MFA) >= MaxMFADevicesPerUser {
		return limit("MFADevicesInUse", MaxMFADevicesPerUser)
	}
	if _, taken := a.MFADeviceOwner(mfa.SerialNumber(accountID, deviceName)); taken {
		return exists(KindMFADevice, deviceName)
	}
	return nil
}

// EnableMFADevice assigns an MFA device (already checked by mfa.Assign)
// to a user.
func (a *Account) EnableMFADevice(accountID, userName string, d mfa.Device) error {
	if err := a.CheckNewMFADevice(accountID, userName, d.Name); err != nil {
		return err
	}
	u, _ := a.user(userName)
	u.MFA = append(u.MFA, d)
	return nil
}

// DeactivateMFADevice removes a device from a user.
func (a *Account) DeactivateMFADevice(userName, serial string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(u.MFA, func(d mfa.Device) bool { return d.Serial == serial })
	if i < 0 {
		return noSuch(KindMFADevice, serial)
	}
	u.MFA = slices.Delete(u.MFA, i, i+1)
	return nil
}

// SetMFADevice stores an updated copy of a user's device (after a sign-in
// or resync records the used time step).
func (a *Account) SetMFADevice(userName string, d mfa.Device) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(u.MFA, func(x mfa.Device) bool { return x.Serial == d.Serial })
	if i < 0 {
		return noSuch(KindMFADevice, d.Serial)
	}
	u.MFA[i] = d
	return nil
}

// RecordSignIn notes a user's console sign-in time.
func (a *Account) RecordSignIn(e Env, userName string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	u.LastSignIn = e.now()
	return nil
}

// TagUser adds tags to a user or replaces the values of its tags with the
// same keys (compared ignoring case); a user has at most 50 tags.
func (a *Account) TagUser(userName string, tags []Tag) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	if err := checkTags(u.Tags, tags); err != nil {
		return err
	}
	u.Tags = mergeTags(u.Tags, tags)
	return nil
}

// UntagUser removes the tags with the keys (ignoring case); keys the user
// does not have are ignored, as IAM does.
func (a *Account) UntagUser(userName string, keys []string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := checkTagKey(k); err != nil {
			return err
		}
	}
	u.Tags = slices.DeleteFunc(u.Tags, func(t Tag) bool {
		return slices.ContainsFunc(keys, func(k string) bool { return foldEqual(k, t.Key) })
	})
	if len(u.Tags) == 0 {
		u.Tags = nil
	}
	return nil
}

// PurgeUser removes everything a user has, as the console does before
// deleting a user: login profile, access keys, MFA devices, memberships,
// attached and inline policies. DeleteUser then succeeds.
func (a *Account) PurgeUser(userName string) error {
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	u.Login = LoginProfile{}
	u.AccessKeys, u.MFA, u.Groups, u.Attached, u.Inline = nil, nil, nil, nil, nil
	return nil
}
