#include "trainer.hpp"

#include "real_text.hpp"
#include "transformer.hpp"

#include <algorithm>
#include <random>
#include <cmath>
#include <thread>
#include <vector>

namespace attention_lens {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Adam (Kingma & Ba), one moment pair per parameter entry.
class Adam {
 public:
  explicit Adam(const ModelWeights& shape) : first_(zeros_like(shape)), second_(zeros_like(shape)) {}

  void step(ModelWeights& weights, ModelWeights& gradients, float learning_rate) {
    ++t_;
    const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
    const float correction1 = 1.0f - std::pow(beta1, static_cast<float>(t_));
    const float correction2 = 1.0f - std::pow(beta2, static_cast<float>(t_));
    std::vector<ParameterView> p = parameter_views(weights), g = parameter_views(gradients),
                               m = parameter_views(first_), v = parameter_views(second_);
    for (std::size_t k = 0; k < p.size(); ++k)
      for (Eigen::Index i = 0; i < p[k].size; ++i) {
        const float grad = g[k].data[i];
        m[k].data[i] = beta1 * m[k].data[i] + (1.0f - beta1) * grad;
        v[k].data[i] = beta2 * v[k].data[i] + (1.0f - beta2) * grad * grad;
        p[k].data[i] -= learning_rate * (m[k].data[i] / correction1) /
                        (std::sqrt(v[k].data[i] / correction2) + epsilon);
      }
  }

 private:
  ModelWeights first_, second_;
  long t_ = 0;
};

// Several sentences read as one, so that positions far into a long sentence are trained too
// (learners type long sentences; the templates are short).
Example concatenate(const std::vector<Example>& parts) {
  Example joined = parts.front();
  for (std::size_t p = 1; p < parts.size(); ++p) {
    const Example& part = parts[p];
    const std::size_t text_offset = joined.text.size() + 1;
    const int token_offset = static_cast<int>(joined.tokens.size());
    joined.text += " " + part.text;
    for (Token token : part.tokens) {
      token.start += text_offset;
      token.end += text_offset;
      joined.tokens.push_back(std::move(token));
    }
    joined.token_ids.insert(joined.token_ids.end(), part.token_ids.begin(), part.token_ids.end());
    joined.target_class.insert(joined.target_class.end(), part.target_class.begin(), part.target_class.end());
    for (const int position : part.target_position)
      joined.target_position.push_back(position == kNoTarget ? kNoTarget : position + token_offset);
    joined.target_phenomenon.insert(joined.target_phenomenon.end(), part.target_phenomenon.begin(),
                                    part.target_phenomenon.end());
  }
  return joined;
}

// One training example: usually a single sentence, a quarter of the time 2–4 in a row (as
// many as fit in max_positions).
Example draw_example(CorpusGenerator& corpus, std::mt19937& random, int max_positions) {
  std::vector<Example> parts{corpus.sample(Split::train)};
  if (random() % 4 == 0) {
    const auto extra = 1 + random() % 3;
    std::size_t length = parts.front().tokens.size();
    for (unsigned k = 0; k < extra; ++k) {
      Example next = corpus.sample(Split::train);
      if (length + next.tokens.size() > static_cast<std::size_t>(max_positions)) break;
      length += next.tokens.size();
      parts.push_back(std::move(next));
    }
  }
  return parts.size() == 1 ? parts.front() : concatenate(parts);
}

// Where an example's first token sits: position 0 half the time (as in the widget, which always
// starts at 0), else a random offset of 1 to kMaxPositionOffset, as far as the example leaves
// room in max_positions. With positions always from 0, a template puts its referent at the same
// few positions and the model learns those positions instead of the words: one word put in
// front then moved the pronoun's attention to the "the" where the referent used to stand.
constexpr int kMaxPositionOffset = 15;
int position_offset(std::mt19937& random, int token_count, int max_positions) {
  const int room = std::min(kMaxPositionOffset, max_positions - token_count);
  if (room <= 0 || random() % 2 == 0) return 0;
  return 1 + static_cast<int>(random() % static_cast<unsigned>(room));
}

float learning_rate_at(int step, const TrainingOptions& options) {
  const int warmup = std::max(1, options.steps / 20);
  if (step < warmup) return options.learning_rate * static_cast<float>(step + 1) / static_cast<float>(warmup);
  const double progress = static_cast<double>(step - warmup) / std::max(1, options.steps - warmup);
  return options.learning_rate * static_cast<float>(0.05 + 0.95 * 0.5 * (1.0 + std::cos(kPi * progress)));
}

}  // namespace

int routed_head(const Example& example, std::size_t token, int head_count) {
  if (example.target_class[token] == kNoTarget) return -1;
  int head = 0;
  switch (example.target_phenomenon[token]) {
    case Phenomenon::winograd:
    case Phenomenon::name: head = 0; break;   // pronoun → referent
    case Phenomenon::sense: head = 1; break;  // bank → the word that decides its sense
    case Phenomenon::structure:               // the → its noun (after it), a verb → its subject (before it)
      head = example.target_position[token] > static_cast<int>(token) ? 2 : 3;
      break;
  }
  return head % head_count;
}

std::vector<std::vector<std::string>> trained_head_roles(const TrainingOptions& options, const ModelConfig& config) {
  std::vector<std::vector<std::string>> roles(static_cast<std::size_t>(config.layer_count * config.head_count));
  if (!options.route_heads || config.layer_count == 0 || config.head_count == 0) return roles;
  const auto last_layer_head = [&](int head) -> std::vector<std::string>& {
    return roles[static_cast<std::size_t>((config.layer_count - 1) * config.head_count + head % config.head_count)];
  };
  // As routed_head routes them.
  last_layer_head(0).insert(last_layer_head(0).end(), {"pronoun → referent", "he/she → name"});
  last_layer_head(1).push_back("bank → context word");
  last_layer_head(2).push_back("the → noun");
  last_layer_head(3).push_back("verb → subject");
  if (options.previous_word_weight > 0.0f) last_layer_head(options.previous_word_head).push_back("previous word");
  return roles;
}

Matrix routed_head_scale(const Example& example, int head_count) {
  const auto n = static_cast<Eigen::Index>(example.token_ids.size());
  Matrix scale = Matrix::Ones(n, head_count);
  for (Eigen::Index i = 0; i < n; ++i) {
    const int head = routed_head(example, static_cast<std::size_t>(i), head_count);
    if (head < 0) continue;
    scale.row(i).setZero();
    scale(i, head) = 1.0f;
  }
  return scale;
}

// For the second prediction of the pronoun's and bank's targets: every head, but the bank head at
// a pronoun, so that the bank head keeps one job while the others help the average point. (With
// every head at both, the pronoun and bank heads became copies of each other; with the pronoun
// head left out at "bank" too, it looked elsewhere there and the average missed bank's sense.)
Matrix heads_together_scale(const Example& example, int head_count) {
  const auto n = static_cast<Eigen::Index>(example.token_ids.size());
  Matrix scale = Matrix::Ones(n, head_count);
  if (head_count < 2) return scale;
  for (Eigen::Index i = 0; i < n; ++i)
    if (routed_head(example, static_cast<std::size_t>(i), head_count) == 0) scale(i, 1) = 0.0f;
  return scale;
}

std::vector<int> previous_word_targets(const Example& example, const TrainingOptions& options, int head_count) {
  const std::vector<int>& targets = example.target_class;
  std::vector<int> previous_words(targets.size(), kNoTarget);
  for (std::size_t i = 1; i < targets.size(); ++i) {
    const bool elsewhere = targets[i] >= 0 && options.previous_word_at_other_targets &&
                           routed_head(example, i, head_count) != options.previous_word_head % head_count;
    if (targets[i] < 0 || elsewhere) previous_words[i] = example.token_ids[i - 1];
  }
  return previous_words;
}

ModelWeights train_model(const TrainingOptions& options) {
  CorpusGenerator corpus(options.seed);
  corpus.set_class_reading_percent(options.class_reading_percent);
  corpus.set_subject_default_percent(options.subject_default_percent);
  ModelConfig config = options.shape;
  config.vocab_size = corpus.vocabulary().size();
  config.class_count = corpus.class_count();
  ModelWeights weights = initialize_weights(config, corpus.vocabulary().words(), corpus.class_names(),
                                            options.seed + 1);
  Adam adam(weights);
  std::mt19937 mixing(options.seed + 2);
  // Real text has its own random stream, so the generated batches are the same with or without it.
  const RealTextCorpus real_text(options.real_text, corpus.reader());
  std::mt19937 real_text_random(options.seed + 3);
  const int real_per_step = real_text.empty() ? 0 : options.real_text_per_step;
  // The batch's gradient is summed in a fixed number of shards, added in shard order, so the
  // weights are the same whether one thread or two did the work.
  constexpr int kShards = 2;
  const int threads = std::clamp(options.threads, 1, kShards);
  std::vector<ModelWeights> shard_gradients(kShards, zeros_like(weights));
  std::vector<double> shard_loss(kShards), shard_masked_loss(kShards);

  for (int step = 0; step < options.steps; ++step) {
    // The batch is drawn on this thread, so the sentences do not depend on the thread count.
    std::vector<Example> batch;
    std::vector<Matrix> head_scales;
    std::vector<int> offsets;
    std::vector<std::vector<int>> previous_words;  // per example: what head 2 names (previous_word_targets)
    batch.reserve(static_cast<std::size_t>(options.batch_size));
    int target_count = 0, untargeted_count = 0, previous_word_count = 0;
    for (int b = 0; b < options.batch_size; ++b) {
      batch.push_back(draw_example(corpus, mixing, config.max_positions));
      head_scales.push_back(options.route_heads ? routed_head_scale(batch.back(), config.head_count) : Matrix());
      offsets.push_back(position_offset(mixing, static_cast<int>(batch.back().token_ids.size()), config.max_positions));
      for (const int target : batch.back().target_class) (target >= 0 ? target_count : untargeted_count)++;
      if (options.previous_word_weight > 0.0f) {
        previous_words.push_back(previous_word_targets(batch.back(), options, config.head_count));
        for (const int word : previous_words.back()) previous_word_count += word != kNoTarget;
      }
    }
    const float scale = 1.0f / static_cast<float>(std::max(1, target_count));  // mean over targets
    const float overlap_scale = options.head_overlap_weight / static_cast<float>(std::max(1, untargeted_count));
    const float previous_word_scale = options.previous_word_weight / static_cast<float>(std::max(1, previous_word_count));
    std::vector<MaskedSentence> real_batch;
    std::vector<int> real_offsets;
    int masked_count = 0;
    for (int b = 0; b < real_per_step; ++b) {
      real_batch.push_back(real_text.sample(real_text_random, options.mask_percent));
      real_offsets.push_back(position_offset(real_text_random, static_cast<int>(real_batch.back().token_ids.size()),
                                             config.max_positions));
      for (const int target : real_batch.back().target_class) masked_count += target >= 0;
    }
    const float masked_scale = options.real_text_weight / static_cast<float>(std::max(1, masked_count));
    std::vector<Matrix> real_head_scales;
    for (const MaskedSentence& sentence : real_batch) {
      Matrix head_scale = Matrix::Ones(static_cast<Eigen::Index>(sentence.token_ids.size()), config.head_count);
      for (int h = 0; h < config.head_count; ++h)
        if (!(options.masked_word_heads >> h & 1u)) head_scale.col(h).setZero();
      real_head_scales.push_back(std::move(head_scale));
    }

    const auto work_on_shard = [&](int shard) {
      ModelWeights& gradients = shard_gradients[static_cast<std::size_t>(shard)];
      for (ParameterView& view : parameter_views(gradients)) std::fill(view.data, view.data + view.size, 0.0f);
      double loss = 0.0;
      for (std::size_t b = static_cast<std::size_t>(shard); b < batch.size(); b += kShards) {
        const TransformerTrace trace = run_transformer(weights, batch[b].token_ids, {}, head_scales[b], offsets[b]);
        // The pronoun's and bank's rows, the deciding word each should look at (attention_target_weight).
        std::vector<int> look_at;
        if (options.attention_target_weight > 0.0f) {
          look_at.assign(batch[b].target_class.size(), kNoTarget);
          for (std::size_t i = 0; i < look_at.size(); ++i)
            if (batch[b].target_class[i] != kNoTarget && batch[b].target_phenomenon[i] != Phenomenon::structure)
              look_at[i] = batch[b].target_position[i];
        }
        loss += add_loss_gradients(weights, trace, batch[b].target_class, scale, gradients, overlap_scale, nullptr,
                                   {look_at.empty() ? nullptr : &look_at, options.attention_target_weight * scale});
        if (options.previous_word_weight > 0.0f) {
          const std::vector<int>& names = previous_words[b];
          Matrix one_head = Matrix::Zero(static_cast<Eigen::Index>(names.size()), config.head_count);
          one_head.col(options.previous_word_head % config.head_count).setOnes();
          const TransformerTrace previous = run_transformer(weights, batch[b].token_ids, {}, one_head, offsets[b]);
          add_loss_gradients(weights, previous, names, previous_word_scale, gradients);
        }
        // The pronoun's and bank's targets are also predicted from the heads together, so that the
        // heads' average — what the widget opens on — points at the deciding word too.
        if (head_scales[b].size() == 0) continue;
        const Matrix together_scale = heads_together_scale(batch[b], config.head_count);
        std::vector<int> reference_targets = batch[b].target_class;
        bool any = false;
        for (std::size_t i = 0; i < reference_targets.size(); ++i) {
          if (batch[b].target_phenomenon[i] == Phenomenon::structure) reference_targets[i] = kNoTarget;
          any = any || reference_targets[i] != kNoTarget;
        }
        if (!any) continue;
        const TransformerTrace together = run_transformer(weights, batch[b].token_ids, {}, together_scale, offsets[b]);
        loss += add_loss_gradients(weights, together, reference_targets, options.together_weight * scale, gradients);
        if (options.every_head_weight > 0.0f) {
          const TransformerTrace every = run_transformer(weights, batch[b].token_ids, {}, Matrix(), offsets[b]);
          loss += add_loss_gradients(weights, every, reference_targets, options.every_head_weight * scale, gradients);
        }
        for (int h = 0; h < config.head_count && options.answer_alone_weight > 0.0f; ++h) {
          if (!(options.answer_alone_heads >> h & 1u)) continue;
          Matrix alone_scale = Matrix::Zero(static_cast<Eigen::Index>(reference_targets.size()), config.head_count);
          alone_scale.col(h).setOnes();
          const TransformerTrace alone = run_transformer(weights, batch[b].token_ids, {}, alone_scale, offsets[b]);
          loss += add_loss_gradients(weights, alone, reference_targets, options.answer_alone_weight * scale, gradients);
        }
      }
      shard_loss[static_cast<std::size_t>(shard)] = loss;
      // Masked words are named from the heads together (masked_word_heads: every head unless told
      // otherwise): a general objective, no routing.
      double masked_loss = 0.0;
      for (std::size_t b = static_cast<std::size_t>(shard); b < real_batch.size(); b += kShards) {
        const TransformerTrace trace = run_transformer(weights, real_batch[b].token_ids, {}, real_head_scales[b], real_offsets[b]);
        masked_loss += add_loss_gradients(weights, trace, real_batch[b].target_class, masked_scale, gradients);
      }
      shard_masked_loss[static_cast<std::size_t>(shard)] = masked_loss;
    };
    if (threads == 1) {
      for (int shard = 0; shard < kShards; ++shard) work_on_shard(shard);
    } else {
      std::thread helper(work_on_shard, 1);
      work_on_shard(0);
      helper.join();
    }

    ModelWeights& total = shard_gradients[0];
    std::vector<ParameterView> sum = parameter_views(total);
    for (int shard = 1; shard < kShards; ++shard) {
      const std::vector<ParameterView> part = parameter_views(shard_gradients[static_cast<std::size_t>(shard)]);
      for (std::size_t k = 0; k < sum.size(); ++k)
        for (Eigen::Index i = 0; i < sum[k].size; ++i) sum[k].data[i] += part[k].data[i];
    }
    adam.step(weights, total, learning_rate_at(step, options));

    if (options.on_progress && (step % options.report_every == 0 || step == options.steps - 1)) {
      double loss = 0.0, masked_loss = 0.0;
      for (const double l : shard_loss) loss += l;
      for (const double l : shard_masked_loss) masked_loss += l;
      options.on_progress(step, loss / std::max(1, target_count), masked_loss / std::max(1, masked_count));
    }
  }
  return weights;
}

}  // namespace attention_lens
