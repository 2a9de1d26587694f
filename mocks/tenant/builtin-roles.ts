/**
 * Entra built-in directory roles with their real template ids (Microsoft Entra "built-in roles"
 * permissions reference), most commonly assigned first: a tenant with `roles: 12` gets the first twelve.
 * Connectors match roles by template id, so inventing these would hide real mapping bugs.
 */
export interface BuiltinRole {
  displayName: string;
  templateId: string;
  description: string;
}

export const BUILTIN_ROLES: readonly BuiltinRole[] = [
  {
    displayName: 'Global Administrator',
    templateId: '62e90394-69f5-4237-9190-012177145e10',
    description: 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
  },
  {
    displayName: 'User Administrator',
    templateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
    description: 'Can manage all aspects of users and groups, including resetting passwords for limited admins.',
  },
  {
    displayName: 'Groups Administrator',
    templateId: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
    description:
      'Members of this role can create/manage groups, create/manage groups settings like naming and expiration policies, and view groups activity and audit reports.',
  },
  {
    displayName: 'Helpdesk Administrator',
    templateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
    description: 'Can reset passwords for non-administrators and Helpdesk Administrators.',
  },
  {
    displayName: 'Global Reader',
    templateId: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
    description: 'Can read everything that a Global Administrator can, but not update anything.',
  },
  {
    displayName: 'Privileged Role Administrator',
    templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
    description: 'Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management.',
  },
  {
    displayName: 'Security Administrator',
    templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d',
    description: 'Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365.',
  },
  {
    displayName: 'Security Reader',
    templateId: '5d6b6bb7-de71-4623-b4af-96380a352509',
    description: 'Can read security information and reports in Microsoft Entra ID and Office 365.',
  },
  {
    displayName: 'Application Administrator',
    templateId: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
    description: 'Can create and manage all aspects of app registrations and enterprise apps.',
  },
  {
    displayName: 'Cloud Application Administrator',
    templateId: '158c047a-c907-4556-b7ef-446551a6b5f7',
    description: 'Can create and manage all aspects of app registrations and enterprise apps except App Proxy.',
  },
  {
    displayName: 'Exchange Administrator',
    templateId: '29232cdf-9323-42fd-ade2-1d097af3e4de',
    description: 'Can manage all aspects of the Exchange product.',
  },
  {
    displayName: 'Directory Readers',
    templateId: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
    description: 'Can read basic directory information. Commonly used to grant directory read access to applications and guests.',
  },
  {
    displayName: 'SharePoint Administrator',
    templateId: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
    description: 'Can manage all aspects of the SharePoint service.',
  },
  { displayName: 'Teams Administrator', templateId: '69091246-20e8-4a56-aa4d-066075b2a7a8', description: 'Can manage the Microsoft Teams service.' },
  {
    displayName: 'Authentication Administrator',
    templateId: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
    description: 'Can access to view, set and reset authentication method information for any non-admin user.',
  },
  {
    displayName: 'Privileged Authentication Administrator',
    templateId: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
    description: 'Can access to view, set and reset authentication method information for any user (admin or non-admin).',
  },
  {
    displayName: 'Conditional Access Administrator',
    templateId: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
    description: 'Can manage Conditional Access capabilities.',
  },
  {
    displayName: 'Password Administrator',
    templateId: '966707d0-3269-4727-9be2-8c3a10f19b9d',
    description: 'Can reset passwords for non-administrators and Password Administrators.',
  },
  {
    displayName: 'Billing Administrator',
    templateId: 'b0f54661-2d74-4c50-afa3-1ec803f12efe',
    description: 'Can perform common billing related tasks like updating payment information.',
  },
  {
    displayName: 'License Administrator',
    templateId: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
    description: 'Can manage product licenses on users and groups.',
  },
  {
    displayName: 'Intune Administrator',
    templateId: '3a2c62db-5318-420d-8d74-23affee5d9d5',
    description: 'Can manage all aspects of the Intune product.',
  },
  {
    displayName: 'Hybrid Identity Administrator',
    templateId: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
    description: 'Manage Active Directory to Microsoft Entra cloud provisioning, Microsoft Entra Connect and federation settings.',
  },
  {
    displayName: 'Directory Writers',
    templateId: '9360feb5-f418-4baa-8175-e2a00bac4301',
    description: 'Can read and write basic directory information. For granting access to applications, not intended for users.',
  },
  { displayName: 'Reports Reader', templateId: '4a5d8f65-41da-4de4-8968-e035b65339cf', description: 'Can read sign-in and audit reports.' },
  {
    displayName: 'Guest Inviter',
    templateId: '95e79109-95c0-4d8e-aee3-d01accf2d47b',
    description: "Can invite guest users independent of the 'members can invite guests' setting.",
  },
  {
    displayName: 'Compliance Administrator',
    templateId: '17315797-102d-40b4-93e0-432062caca18',
    description: 'Can read and manage compliance configuration and reports in Microsoft Entra ID and Microsoft 365.',
  },
];
