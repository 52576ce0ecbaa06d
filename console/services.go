package console

import "strings"

// Service is an AWS service in the Services menu. Name and FullName stay in
// English in both languages, as in the real console; the description and
// category come from the catalogs (keys "svc.<ID>.desc", "cat.<Category>").
type Service struct {
	ID       string
	Name     string
	FullName string
	Category string
	// Keywords are extra search terms, in English and Korean.
	Keywords string
}

// Categories in menu order.
var Categories = []string{"compute", "networking", "storage", "database", "analytics", "integration", "security"}

// Services are the textbook's services, grouped by category in menu order.
var Services = []Service{
	{"ec2", "EC2", "Amazon Elastic Compute Cloud", "compute", "virtual server instance 가상 서버 인스턴스"},
	{"autoscaling", "EC2 Auto Scaling", "Amazon EC2 Auto Scaling", "compute", "scale"},
	{"lightsail", "Lightsail", "Amazon Lightsail", "compute", "vps"},
	{"workspaces", "WorkSpaces", "Amazon WorkSpaces", "compute", "desktop"},
	{"route53", "Route 53", "Amazon Route 53", "networking", "dns domain"},
	{"vpc", "VPC", "Amazon Virtual Private Cloud", "networking", "network subnet 네트워크 서브넷"},
	{"directconnect", "Direct Connect", "AWS Direct Connect", "networking", "dedicated line"},
	{"elb", "Elastic Load Balancing", "Elastic Load Balancing", "networking", "load balancer elb alb"},
	{"cloudfront", "CloudFront", "Amazon CloudFront", "networking", "cdn"},
	{"s3", "S3", "Amazon Simple Storage Service", "storage", "bucket object 버킷 객체 스토리지"},
	{"glacier", "S3 Glacier", "Amazon S3 Glacier", "storage", "archive"},
	{"ebs", "EBS", "Amazon Elastic Block Store", "storage", "volume block"},
	{"storagegateway", "Storage Gateway", "AWS Storage Gateway", "storage", "hybrid"},
	{"snowball", "Snowball", "AWS Snowball", "storage", "migration transfer"},
	{"rds", "RDS", "Amazon Relational Database Service", "database", "mysql postgresql sql"},
	{"dynamodb", "DynamoDB", "Amazon DynamoDB", "database", "nosql"},
	{"elasticache", "ElastiCache", "Amazon ElastiCache", "database", "redis memcached cache"},
	{"kinesis", "Kinesis", "Amazon Kinesis", "analytics", "stream"},
	{"redshift", "Redshift", "Amazon Redshift", "analytics", "data warehouse"},
	{"emr", "EMR", "Amazon EMR", "analytics", "hadoop spark"},
	{"cloudsearch", "CloudSearch", "Amazon CloudSearch", "integration", "search"},
	{"swf", "SWF", "Amazon Simple Workflow Service", "integration", "workflow"},
	{"sqs", "SQS", "Amazon Simple Queue Service", "integration", "queue"},
	{"ses", "SES", "Amazon Simple Email Service", "integration", "email"},
	{"elastictranscoder", "Elastic Transcoder", "Amazon Elastic Transcoder", "integration", "video media"},
	{"iam", "IAM", "AWS Identity and Access Management", "security", "user group policy role mfa 사용자 그룹 정책 역할 권한"},
	{"policysim", "IAM Policy Simulator", "IAM Policy Simulator", "security", "iam policy simulator test permissions 정책 시뮬레이터 권한 테스트"},
}

// serviceConsoles are the services whose Services menu entry opens their
// console rather than their information page.
var serviceConsoles = map[string]string{"iam": "#/iam", "ec2": "#/ec2", "vpc": "#/vpc", "s3": "#/s3", "policysim": "#/policysim"}

// ServiceByID finds a service.
func ServiceByID(id string) (Service, bool) {
	for _, s := range Services {
		if s.ID == id {
			return s, true
		}
	}
	return Service{}, false
}

// Matches reports whether the service matches the Services menu filter:
// every word of the filter must occur, ignoring case, in the service's
// name, full name or keywords.
func (s Service) Matches(filter string) bool {
	hay := strings.ToLower(s.Name + " " + s.FullName + " " + s.Keywords)
	for _, w := range strings.Fields(strings.ToLower(filter)) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// maxRecent is how many services Console Home's Recently visited lists.
const maxRecent = 5

// visited returns recent with the service a route belongs to first (the
// IAM console and My Security Credentials are IAM), without repeats;
// routes of no service leave it as it is. recent is not changed.
func visited(recent []string, r Route) []string {
	id := ""
	switch r.Page {
	case "services":
		if _, ok := ServiceByID(r.Arg); ok {
			id = r.Arg
		}
	case "iam", "security-credentials":
		id = "iam"
	}
	if id == "" || (len(recent) > 0 && recent[0] == id) {
		return recent
	}
	out := make([]string, 0, maxRecent)
	out = append(out, id)
	for _, v := range recent {
		if v != id && len(out) < maxRecent {
			out = append(out, v)
		}
	}
	return out
}
