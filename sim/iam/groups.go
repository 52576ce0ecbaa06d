package iam

import "slices"

// group returns a pointer to the named group, or NoSuchEntity.
func (a *Account) group(name string) (*Group, error) {
	i := a.groupIndex(name)
	if i < 0 {
		return nil, noSuch(KindGroup, name)
	}
	return &a.Groups[i], nil
}

// CreateGroup adds a group with a path ("" means "/").
func (a *Account) CreateGroup(e Env, name, path string) (Group, error) {
	if err := ValidateGroupName(name); err != nil {
		return Group{}, err
	}
	path = pathOrRoot(path)
	if err := ValidatePath(path); err != nil {
		return Group{}, err
	}
	if a.groupIndex(name) >= 0 {
		return Group{}, exists(KindGroup, name)
	}
	if len(a.Groups) >= MaxGroups {
		return Group{}, limit("Groups", MaxGroups)
	}
	g := Group{Name: name, Path: path, ARN: GroupARN(e.AccountID, path, name),
		ID: NewID(e.Rand, GroupIDPrefix), CreatedAt: e.now()}
	a.Groups = append(a.Groups, g)
	return g, nil
}

// DeleteGroup deletes a group that has no users and no policies; IAM's API
// refuses otherwise with DeleteConflict.
func (a *Account) DeleteGroup(name string) error {
	i := a.groupIndex(name)
	if i < 0 {
		return noSuch(KindGroup, name)
	}
	g := a.Groups[i]
	switch {
	case len(a.Members(g.Name)) > 0:
		return conflict(KindGroup, g.Name, ConflictMembers)
	case len(g.Attached) > 0:
		return conflict(KindGroup, g.Name, ConflictAttached)
	case len(g.Inline) > 0:
		return conflict(KindGroup, g.Name, ConflictInline)
	}
	a.Groups = slices.Delete(a.Groups, i, i+1)
	return nil
}

// PurgeGroup removes a group's users and policies, as the console does
// before deleting a group. DeleteGroup then succeeds.
func (a *Account) PurgeGroup(name string) error {
	g, err := a.group(name)
	if err != nil {
		return err
	}
	g.Attached, g.Inline = nil, nil
	for i := range a.Users {
		u := &a.Users[i]
		u.Groups = slices.DeleteFunc(u.Groups, func(n string) bool { return foldEqual(n, g.Name) })
		if len(u.Groups) == 0 {
			u.Groups = nil
		}
	}
	return nil
}

// AddUserToGroup makes a user a member of a group (at most 10 groups per
// user). Adding a member again changes nothing, as IAM does.
func (a *Account) AddUserToGroup(userName, groupName string) error {
	g, err := a.group(groupName)
	if err != nil {
		return err
	}
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	if slices.Contains(u.Groups, g.Name) {
		return nil
	}
	if len(u.Groups) >= MaxGroupsPerUser {
		return limit("GroupsPerUser", MaxGroupsPerUser)
	}
	u.Groups = append(u.Groups, g.Name)
	return nil
}

// RemoveUserFromGroup ends a membership; a user who is not a member is
// NoSuchEntity (kind Membership).
func (a *Account) RemoveUserFromGroup(userName, groupName string) error {
	g, err := a.group(groupName)
	if err != nil {
		return err
	}
	u, err := a.user(userName)
	if err != nil {
		return err
	}
	i := slices.Index(u.Groups, g.Name)
	if i < 0 {
		return awserrMembership(u.Name, g.Name)
	}
	u.Groups = slices.Delete(u.Groups, i, i+1)
	if len(u.Groups) == 0 {
		u.Groups = nil
	}
	return nil
}
