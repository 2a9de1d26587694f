/**
 * AWS-managed IAM policies a real account shows first (`arn:aws:iam::aws:policy/<name>`), and the verbs
 * customer-managed policies are named with. A tenant interleaves the two kinds (odd seqs AWS-managed while
 * this list lasts), so a small tenant has both and policy 3 stays policy 3 when the count grows.
 */
export interface ManagedPolicy {
  name: string;
  description: string;
}

export const AWS_MANAGED_POLICIES: readonly ManagedPolicy[] = [
  { name: 'AdministratorAccess', description: 'Provides full access to AWS services and resources.' },
  { name: 'ReadOnlyAccess', description: 'Provides read-only access to AWS services and resources.' },
  { name: 'PowerUserAccess', description: 'Provides full access to AWS services and resources, but does not allow management of Users and groups.' },
  { name: 'IAMFullAccess', description: 'Provides full access to IAM via the AWS Management Console.' },
  { name: 'IAMReadOnlyAccess', description: 'Provides read only access to IAM via the AWS Management Console.' },
  { name: 'SecurityAudit', description: 'The security audit template grants access to read security configuration metadata.' },
  { name: 'ViewOnlyAccess', description: 'This policy grants permissions to view resources and basic metadata across all AWS services.' },
  { name: 'AmazonS3FullAccess', description: 'Provides full access to all buckets via the AWS Management Console.' },
  { name: 'AmazonS3ReadOnlyAccess', description: 'Provides read only access to all buckets via the AWS Management Console.' },
  { name: 'AmazonEC2FullAccess', description: 'Provides full access to Amazon EC2 via the AWS Management Console.' },
  { name: 'AmazonEC2ReadOnlyAccess', description: 'Provides read only access to Amazon EC2 via the AWS Management Console.' },
  { name: 'AWSBillingReadOnlyAccess', description: 'Allows users to view bills on the Billing Console.' },
];

/** Suffixes of customer-managed policy names: `<Area><Verb>`, e.g. `MarketingDataReadOnly`. */
export const CUSTOMER_POLICY_VERBS = ['DataReadOnly', 'FullAccess', 'Deploy', 'Audit', 'S3Access', 'BreakGlass', 'Support', 'Operator'];
