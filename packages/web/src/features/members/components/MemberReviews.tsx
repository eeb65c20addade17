import { RATING_LABELS } from '@jishi/domain';
import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { apiClient, bodyOf } from '../../../shared/api-client';
import { labelOf } from '../../../shared/labels';

/**
 * 述职评议 in the member drawer: the published ratings of the orgs this member led as 书记 (the
 * secretary's record). Nothing is shown for a member who never was one.
 */
export function MemberReviews({ memberId }: { memberId: number }) {
  const reviews = useQuery({
    queryKey: ['members', memberId, 'reviews'],
    queryFn: ({ signal }) => bodyOf(apiClient.GET('/api/v1/members/{id}/reviews', { params: { path: { id: memberId } }, signal })),
    meta: { handlesErrors: true },
  });
  const items = reviews.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        书记述职评议
      </Typography.Title>
      <Space orientation="vertical" size={6} style={{ width: '100%' }} data-testid="member-reviews">
        {items.map((r) => (
          <Space key={`${r.roundName}-${r.orgName}`} size={6} wrap>
            <Tag color={r.rating === 'good' ? 'red' : r.rating === 'poor' ? 'default' : 'orange'}>{labelOf(RATING_LABELS, r.rating)}</Tag>
            <Typography.Text strong>{r.year} 年度</Typography.Text>
            <Typography.Text>{r.orgName}</Typography.Text>
            <Typography.Text type="secondary">
              {r.roundName}（{r.finalAt} 发布）
            </Typography.Text>
          </Space>
        ))}
      </Space>
    </>
  );
}
