// `npm run train`: trains the tiny Transformer on the generated corpus, prints how it does on
// training and held-out sentences and on the lessons' own sentences, and writes the weights
// file the widget ships.
//
//   train_model --out web/model/attention_lens_model.bin [--steps 18000] [--batch 128]
//               [--seed 11] [--threads 2] [--eval 400]
//               [--real-text build/train/real_text.txt] [--real-per-step 32] [--real-weight-percent 50]
//               [--mask-percent 15] [--masked-word-heads 15] [--every-head-percent 50]
//               [--together-percent 200] [--head-overlap-percent 0]
//               [--previous-word-percent 50] [--previous-word-at-other-targets 1]
//               [--answer-alone-heads 12] [--answer-alone-percent 50]
//               [--attention-target-percent 0] [--class-reading-percent 12] [--subject-default-percent 0]
#include "evaluation.hpp"
#include "real_text.hpp"
#include "trainer.hpp"
#include "weights_file.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace attention_lens;

namespace {

const char* kPhenomenonNames[] = {"pronoun, decided by the attribute (winograd)",
                                  "pronoun, decided by the name (he/she)",
                                  "bank, decided by the context noun (sense)",
                                  "the → noun, verb → subject (structure)"};

void print_evaluation(const char* title, const Evaluation& e, int layers) {
  std::printf("\n%s\n", title);
  std::printf("  %-46s %10s", "targets", "predicted");
  for (int l = 0; l < layers; ++l) std::printf("   layer %d avg", l + 1);
  std::printf("   (top-attended word = the deciding word)\n");
  for (int p = 0; p < 4; ++p) {
    const PhenomenonEvaluation& pe = e.by_phenomenon[static_cast<std::size_t>(p)];
    std::printf("  %-46s %9.1f%%", kPhenomenonNames[p], 100.0 * pe.prediction.rate());
    for (int l = 0; l < layers; ++l) std::printf("   %11.1f%%", 100.0 * pe.layer_average[static_cast<std::size_t>(l)].rate());
    std::printf("   (n = %d)\n", pe.prediction.total);
  }
}

int argument(int argc, char** argv, const char* name, int fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return std::atoi(argv[i + 1]);
  return fallback;
}

const char* text_argument(int argc, char** argv, const char* name, const char* fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  TrainingOptions options;
  options.steps = argument(argc, argv, "--steps", options.steps);
  options.batch_size = argument(argc, argv, "--batch", options.batch_size);
  options.seed = static_cast<std::uint32_t>(argument(argc, argv, "--seed", static_cast<int>(options.seed)));
  options.threads = argument(argc, argv, "--threads", options.threads);
  const int eval_sentences = argument(argc, argv, "--eval", 400);
  const char* out = text_argument(argc, argv, "--out", nullptr);
  const char* real_text_path = text_argument(argc, argv, "--real-text", nullptr);
  options.real_text_per_step = argument(argc, argv, "--real-per-step", options.real_text_per_step);
  const auto percent = [](float weight) { return static_cast<int>(std::lround(weight * 100.0f)); };
  options.real_text_weight =
      static_cast<float>(argument(argc, argv, "--real-weight-percent", percent(options.real_text_weight))) / 100.0f;
  options.mask_percent = argument(argc, argv, "--mask-percent", options.mask_percent);
  options.every_head_weight =
      static_cast<float>(argument(argc, argv, "--every-head-percent", percent(options.every_head_weight))) / 100.0f;
  options.together_weight =
      static_cast<float>(argument(argc, argv, "--together-percent", percent(options.together_weight))) / 100.0f;
  options.head_overlap_weight =
      static_cast<float>(argument(argc, argv, "--head-overlap-percent", percent(options.head_overlap_weight))) / 100.0f;
  options.previous_word_weight =
      static_cast<float>(argument(argc, argv, "--previous-word-percent", percent(options.previous_word_weight))) / 100.0f;
  options.previous_word_at_other_targets =
      argument(argc, argv, "--previous-word-at-other-targets", options.previous_word_at_other_targets ? 1 : 0) != 0;
  options.attention_target_weight =
      static_cast<float>(argument(argc, argv, "--attention-target-percent", percent(options.attention_target_weight))) / 100.0f;
  options.answer_alone_heads = static_cast<unsigned>(argument(argc, argv, "--answer-alone-heads", static_cast<int>(options.answer_alone_heads)));
  options.answer_alone_weight =
      static_cast<float>(argument(argc, argv, "--answer-alone-percent", percent(options.answer_alone_weight))) / 100.0f;
  options.masked_word_heads = static_cast<unsigned>(argument(argc, argv, "--masked-word-heads", -1));
  options.class_reading_percent = argument(argc, argv, "--class-reading-percent", options.class_reading_percent);
  options.subject_default_percent = argument(argc, argv, "--subject-default-percent", options.subject_default_percent);
  if (real_text_path) {
    std::ifstream file(real_text_path, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "cannot read %s (build_scripts/train/real_text.mjs writes it)\n", real_text_path);
      return 1;
    }
    std::ostringstream text;
    text << file.rdbuf();
    options.real_text = read_lines(text.str());
  }

  std::printf("Training: %d steps of %d sentences, seed %u, %d threads; d_model %d, %d heads, %d layers, d_ff %d\n",
              options.steps, options.batch_size, options.seed, options.threads, options.shape.d_model,
              options.shape.head_count, options.shape.layer_count, options.shape.d_ff);
  CorpusGenerator reading_corpus(options.seed);  // its reader: how the trainer reads a word
  const RealTextCorpus real_text(options.real_text, reading_corpus.reader());
  if (real_text_path)
    std::printf("Real text: %zu sentences in %s; %zu kept (3–%d tokens, ≥ %d%% of the words known), %zu of them "
                "held out; each step hides %d%% of the words of %d of them (loss weight %.2f)\n",
                real_text.offered(), real_text_path, real_text.size(false) + real_text.size(true),
                RealTextCorpus::kMaxTokens, RealTextCorpus::kMinKnownPercent, real_text.size(true),
                options.mask_percent, options.real_text_per_step, options.real_text_weight);
  const auto start = std::chrono::steady_clock::now();
  options.on_progress = [&](int step, double loss, double masked_loss) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (real_text.empty())
      std::printf("  step %5d  loss %.4f  (%.0f s)\n", step, loss, seconds);
    else
      std::printf("  step %5d  loss %.4f  masked words %.4f  (%.0f s)\n", step, loss, masked_loss, seconds);
    std::fflush(stdout);
  };
  const ModelWeights trained = train_model(options);

  // What ships is the int8 file: evaluate exactly that, the trained model after a round trip
  // through serialize_weights and parse_weights.
  const std::vector<std::uint8_t> bytes = serialize_weights(trained);
  ModelWeights weights = parse_weights(bytes.data(), bytes.size());
  std::printf("\nEvaluated as shipped: int8 matrices with fp16 scales, fp16 vectors, read back from the file.\n");

  CorpusGenerator evaluation_corpus(options.seed + 7);  // sentences the trainer never drew
  const Evaluation train = evaluate(weights, evaluation_corpus, Split::train, eval_sentences);
  const Evaluation held_out = evaluate(weights, evaluation_corpus, Split::held_out, eval_sentences);
  const Evaluation new_shapes = evaluate(weights, evaluation_corpus, Split::held_out_shape, eval_sentences);
  weights.head_labels = label_heads(weights, held_out, 0.6, trained_head_roles(options, weights.config));
  const int layers = weights.config.layer_count;
  print_evaluation("Training combinations (fresh sentences):", train, layers);
  print_evaluation("Held-out combinations (never seen together in training):", held_out, layers);

  print_evaluation("Held-out shapes (frames never drawn in training; fillers as in training):", new_shapes, layers);
  std::printf("\nHeld-out shapes, the pronoun's or bank's own target (last layer average's top key = the deciding word; predicted):\n");
  for (const auto& [shape, score] : new_shapes.shape_attention)
    std::printf("  %5.1f%%  %5.1f%%  (n = %3d)  %s\n", 100.0 * score.rate(),
                100.0 * new_shapes.shape_prediction.at(shape).rate(), score.total, shape.c_str());
  const Score shape_attention = new_shapes.reference_attention();
  std::printf("  %5.1f%%  %5.1f%%  (n = %3d)  all held-out shapes\n", 100.0 * shape_attention.rate(),
              100.0 * new_shapes.reference_prediction().rate(), shape_attention.total);
  std::printf("\nTraining shapes, the same figure per frame (fresh sentences, training pairs):\n");
  for (const auto& [shape, score] : train.shape_attention)
    std::printf("  %5.1f%%  %5.1f%%  (n = %3d)  %s\n", 100.0 * score.rate(),
                100.0 * train.shape_prediction.at(shape).rate(), score.total, shape.c_str());

  std::printf("\nHeads (held-out sentences: how often the head's top key is the role's word):\n");
  std::printf("                 pronoun  he/she    bank  the→n.  verb→s.  prev.  itself   next   first   label\n");
  for (int l = 0; l < layers; ++l)
    for (int h = 0; h < weights.config.head_count; ++h) {
      std::printf("  layer %d head %d:", l + 1, h + 1);
      for (const char* role : kHeadRoles)
        std::printf(" %6.1f%%", 100.0 * held_out.role_head.at(role)[static_cast<std::size_t>(l)][static_cast<std::size_t>(h)].rate());
      const std::string& label = weights.head_labels[static_cast<std::size_t>(l * weights.config.head_count + h)];
      std::printf("   %s\n", label.empty() ? "(no label)" : label.c_str());
    }

  std::printf("\nThe lessons' sentences (last layer, average over heads):\n");
  int lessons_passed = 0;
  for (const LessonCase& lesson : lesson_cases()) {
    const LessonResult result = check_lesson(weights, lesson);
    lessons_passed += result.passed;
    std::printf("  %s %s\n    \"%s\" →", result.passed ? "ok  " : "MISS", lesson.sentence.c_str(), lesson.query.c_str());
    for (const auto& [word, weight] : result.row) std::printf(" %s %.0f%%", word.c_str(), 100.0 * weight);
    std::printf("\n");
  }
  if (!real_text.empty()) {
    const MaskedWordEvaluation masked = evaluate_masked_words(weights, real_text, 2000);
    std::printf("\nMasked words (held-out real sentences, each word hidden once, the heads together): "
                "%d words; the model's first guess is the word's row %.1f%%, among its first five %.1f%%; "
                "loss %.3f nats. Guessing by the hidden words' own frequencies: the most frequent first %.1f%%, loss %.3f nats\n",
                masked.hidden, 100.0 * masked.top1 / std::max(1, masked.hidden),
                100.0 * masked.top5 / std::max(1, masked.hidden), masked.loss,
                100.0 * masked.baseline_top1 / std::max(1, masked.hidden), masked.baseline_loss);
  }

  const Score pronouns = held_out.pronoun_attention(layers - 1);
  std::printf("\nHeld-out pronoun resolution (last layer average): %.1f%% of %d; word sense: %.1f%%; "
              "held-out shapes: %.1f%% of %d; lessons %d of %zu\n",
              100.0 * pronouns.rate(), pronouns.total,
              100.0 * held_out[Phenomenon::sense].layer_average.back().rate(),
              100.0 * shape_attention.rate(), shape_attention.total, lessons_passed, lesson_cases().size());

  if (out) {
    // The head labels are the only change since the evaluation. They are set on the trained
    // float model, which quantises to exactly the parameters evaluated above; re-quantising the
    // already-quantised model instead could move a row whose scale is an fp16 subnormal.
    ModelWeights shipped = trained;
    shipped.head_labels = weights.head_labels;
    const std::vector<std::uint8_t> labelled = serialize_weights(shipped);
    FILE* file = std::fopen(out, "wb");
    if (!file || std::fwrite(labelled.data(), 1, labelled.size(), file) != labelled.size()) {
      std::fprintf(stderr, "cannot write %s\n", out);
      return 1;
    }
    std::fclose(file);
    std::printf("Wrote %s (%zu bytes)\n", out, labelled.size());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("Total time %.0f s\n", seconds);
  return 0;
}
