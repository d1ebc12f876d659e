import { Card } from 'antd'
import { useSearchParams } from 'react-router'
import { ReviewList } from './reviews/ReviewList'
import { ReviewSheet } from './reviews/ReviewSheet'

/** 我的评审: an expert's assigned applications; one opens as its score sheet (`?review=12`). */
export default function ReviewsPage() {
  const [params, setParams] = useSearchParams()
  const n = Number(params.get('review'))
  const reviewId = Number.isInteger(n) && n > 0 ? n : null
  const open = (id: number | null) => setParams(id === null ? {} : { review: String(id) }, { replace: true })
  return (
    <Card>
      {reviewId === null ? (
        <ReviewList onOpen={open} />
      ) : (
        <ReviewSheet id={reviewId} onBack={() => open(null)} />
      )}
    </Card>
  )
}
